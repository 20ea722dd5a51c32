import type { LanguagePack } from '../generate';

export const es: LanguagePack = {
  language: 'es',
  latin: true,
  slots: {
    item: [
      'la caldera',
      'el grifo de la cocina',
      'la luz del baño',
      'la cerradura de la puerta',
      'la ventana del salón',
      'el radiador',
      'la ducha',
    ],
    period: ['dos semanas', 'tres semanas', 'un mes', 'dos meses'],
    n: ['tres', 'cuatro', 'cinco', 'muchas'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'He llamado {n} veces por {item} y nadie ha venido',
        'Llevo {period} esperando, es inaceptable',
        'Prometieron que vendría alguien el lunes y nadie apareció',
        'Esperé todo el día en casa para nada',
        'Todavía nadie ha arreglado {item}, estoy harta',
        'El fontanero fue muy grosero y lo dejó todo sucio',
        'Nada ha cambiado en {period}, nadie contesta',
        'Genial, otra semana sin calefacción',
        'He denunciado a los vecinos {n} veces y no han hecho nada',
        'Es la tercera vez que escribo y sin respuesta',
        'El fontanero fue muy amable pero nadie ha vuelto a terminar el trabajo',
        'Perdone la molestia otra vez pero {item} sigue sin arreglar',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: [
        'Quiero poner una queja, {item} no funciona desde hace {period}',
        'Estoy muy descontento con el servicio',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} no funciona, ¿puede venir alguien?',
        'Quiero informar que {item} gotea',
        'Por favor envíen a alguien para arreglar {item}',
        'No me estoy quejando, solo aviso que {item} está roto',
        '{item} está averiada, necesito una reparación',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Huele a gas en la cocina',
        'Cae agua del techo',
        'No tenemos calefacción y tengo un bebé',
        'El enchufe echa chispas',
        'La alarma de monóxido está sonando',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Muchas gracias por la reparación tan rápida',
        'El técnico fue muy amable, gracias',
        'Buen trabajo, estoy muy contenta',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Sería bueno recibir un mensaje antes de la visita', 'Tengo una sugerencia: un banco en el jardín'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        '¿Cómo puedo pedir un intercambio de vivienda?',
        '¿Cuándo recogen la basura?',
        '¿Alguna novedad sobre la reparación?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['¿Hay novedades sobre mi queja?', '¿Qué pasa con mi reclamación?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        'No acepto la respuesta a mi queja, quiero que la revisen',
        'No estoy de acuerdo con la decisión, quiero la segunda fase',
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Los vecinos ponen música alta todas las noches', 'Hay alguien vendiendo droga en la escalera'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Quiero una copia de mis datos personales', '¿Qué datos tienen sobre mí?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Quiero hablar con una persona', 'Llámenme por favor'] },
    { intent: 'other', dissatisfied: false, templates: ['Hola', 'Buenos días', 'Vale gracias'] },
  ],
};
