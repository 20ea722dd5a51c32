import type { LanguagePack } from '../generate';

export const fr: LanguagePack = {
  language: 'fr',
  latin: true,
  slots: {
    item: [
      'la chaudière',
      'le robinet de la cuisine',
      'la lumière de la salle de bain',
      'la serrure de la porte',
      'la fenêtre du salon',
      'le radiateur',
      'la douche',
    ],
    period: ['deux semaines', 'trois semaines', 'un mois', 'deux mois'],
    n: ['trois', 'quatre', 'cinq', 'plusieurs'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        "J'ai appelé {n} fois pour {item} et personne n'est venu",
        "J'attends depuis {period}, c'est inacceptable",
        "Vous aviez promis que quelqu'un viendrait lundi, personne n'est venu",
        "J'ai attendu toute la journée chez moi pour rien",
        "Toujours personne pour réparer {item}, j'en ai marre",
        'Le plombier était impoli et a laissé un bazar',
        "Rien n'a changé depuis {period}, personne ne répond",
        'Génial, encore une semaine sans chauffage',
        "J'ai signalé les voisins {n} fois et vous n'avez rien fait",
        "C'est la troisième fois que j'écris, aucune réponse",
        "Le technicien était gentil mais personne n'est revenu finir le travail",
        'Désolé de vous déranger encore mais {item} est toujours en panne',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: [
        'Je veux faire une réclamation, {item} ne marche pas depuis {period}',
        'Je suis très mécontent du service',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        "{item} ne marche pas, quelqu'un peut venir ?",
        'Je voudrais signaler que {item} fuit',
        "Pouvez-vous envoyer quelqu'un pour réparer {item}",
        'Je ne me plains pas, je signale juste que {item} est cassée',
        "{item} est en panne, besoin d'une réparation",
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Ça sent le gaz dans la cuisine',
        "De l'eau coule du plafond",
        "Pas de chauffage et j'ai un bébé",
        'La prise fait des étincelles',
        "L'alarme monoxyde sonne",
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Merci beaucoup pour la réparation rapide',
        'Le technicien était très gentil, merci',
        'Bon travail, je suis très contente',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Ce serait bien de recevoir un SMS avant la visite', "J'ai une suggestion : un banc dans le jardin"],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        'Comment je fais pour demander un échange de logement ?',
        'Quand passe le ramassage des poubelles ?',
        'Des nouvelles pour la réparation ?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Y a-t-il du nouveau sur ma réclamation ?', "Où en est ma plainte s'il vous plaît ?"],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        "Je n'accepte pas la réponse à ma réclamation, je veux un réexamen",
        "Pas d'accord avec la décision, je veux passer à la deuxième étape",
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: [
        'Les voisins mettent la musique fort toutes les nuits',
        "Quelqu'un vend de la drogue dans l'escalier",
      ],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Je veux une copie de mes données personnelles', 'Quelles données avez-vous sur moi ?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Je veux parler à une personne', 'Rappelez-moi svp'] },
    { intent: 'other', dissatisfied: false, templates: ['Bonjour', 'Ok merci', 'Allô'] },
  ],
};
