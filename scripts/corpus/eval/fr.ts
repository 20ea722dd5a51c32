import type { LanguagePack } from '../generate';

export const fr: LanguagePack = {
  language: 'fr',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        "Le technicien n'est encore pas venu et j'avais pris ma journée",
        "Désolée d'insister mais depuis un mois personne ne répond à mes mails",
        'Le monsieur était très poli mais la VMC ne marche toujours pas',
        'Super, encore un week-end sans eau chaude',
        "J'ai signalé le voisin cinq fois et vous n'avez pris aucune mesure",
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        'Les carreaux de la salle de bain sont tombés, vous pouvez réparer ?',
        "L'extracteur de la cuisine s'est arrêté",
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Il y a une forte odeur de gaz dans le couloir', 'De la fumée sort de la prise de la chambre'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ["Merci à l'électricien, travail rapide et propre"] },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Ce serait pratique de pouvoir demander les réparations en ligne'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ["Quelqu'un vient demain pour la fenêtre ?", 'Où est-ce que je peux payer le loyer ?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['Où en est ma réclamation ?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['La réponse à ma réclamation ne me convient pas, merci de la faire remonter'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ["Des jeunes fument du shit dans l'escalier tous les soirs"],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Envoyez-moi toutes les informations que vous avez sur moi'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Je préférerais parler à un conseiller'] },
  ],
};
