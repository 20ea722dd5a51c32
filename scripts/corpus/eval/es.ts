import type { LanguagePack } from '../generate';

export const es: LanguagePack = {
  language: 'es',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'El técnico volvió a faltar y yo me pedí el día libre',
        'Perdonen que insista pero hace un mes que nadie contesta mis correos',
        'El señor fue muy educado pero el extractor sigue sin funcionar',
        'Qué maravilla, otro fin de semana sin agua caliente',
        'Ya me he quejado del vecino cinco veces y no han hecho nada',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        'Se han caído los azulejos del baño, ¿lo pueden arreglar?',
        'El extractor de la cocina ha dejado de funcionar',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Hay un olor fuerte a gas en el pasillo', 'Sale humo del enchufe del dormitorio'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['Gracias al electricista, lo hizo todo rápido y limpio'] },
    { intent: 'comment', dissatisfied: false, templates: ['Estaría bien poder pedir las reparaciones por internet'] },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['¿Viene alguien mañana por lo de la ventana?', '¿Dónde puedo pagar el alquiler?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['¿En qué fase está mi queja?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['La respuesta a mi queja no me convence, pido que la escalen'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Unos chavales fuman porros en la escalera todas las noches'],
    },
    { intent: 'data_request', dissatisfied: false, templates: ['Envíenme toda la información que tienen sobre mí'] },
    { intent: 'human', dissatisfied: false, templates: ['Prefiero hablar con un agente'] },
  ],
};
