import type { Lexicon } from './types';

const NUM = '(?:\\d+|doua|trei|patru|cinci|sase|cateva|multe|mai multe)';

// Hyphenated forms ("s-a", "n-a", "m-am") arrive as separate tokens: "s a", "n a", "m am".
export const ro: Lexicon = {
  language: 'ro',
  wordBoundaries: true,
  cues: {
    explicit_complaint: ['plangere', 'plangerea', 'reclamati~', 'reclam~', 'ma plang', 'sa ma plang', 'nemultumit~', 'nu sunt (?:deloc )?multumit~', 'depun (?:o )?plangere'],
    negative_emotion: ['inacceptabil~', 'rusine', 'rusinos', 'scandalos', 'ingrozitor', 'groaznic', 'oribil', 'jalnic', 'furios', 'furioasa', 'suparat~', 'nervos', 'nervoasa', 'dezamagit~', 'frustrat~', 'saturat', 'bataie de joc', 'ridicol', 'inutil~', 'nu e normal', 'penibil', 'lamentabil', 'sictir~'],
    repetition_strong: ['a (?:doua|treia|patra|cincea|sasea) oara', `(?:de )?${NUM} ori`, 'iar si iar', 'din nou (?:nu|nimic|nimeni|s a stricat)', 'tot (?:nu|nimic|nimeni|astept)', 'inca (?:nu|nimic|nimeni|astept)', `am sunat de ${NUM} ori`, 'am raportat deja', 'deja am (?:sunat|raportat|anuntat)', 'de cate ori', 'in continuare (?:nu|nimic)'],
    repetition_weak: ['din nou', 'iar', 'inca', 'tot', 'iarasi', 'in continuare'],
    waiting: [`de ${NUM} (?:saptamani|saptamana|luni|luna|zile)`, 'de o (?:saptamana|luna)', 'astept (?:de|inca)', 'de saptamani', 'de luni (?:de zile)?', 'de mult timp', 'de atata timp', 'asteptam de', `${NUM} saptamani`, 'din (?:ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie)'],
    broken_promise: ['nimeni nu (?:a|au) revenit', 'nu (?:a|au) revenit', 'promis~', 'au spus ca (?:vin|vor veni|suna)', 'trebuia sa (?:vina|sune|repare)', 'nu a venit nimeni', 'nu (?:au|a) venit', 'n a venit', 'nimeni nu (?:a|au) (?:venit|sunat|raspuns|reparat)', 'nu m a sunat', 'nu (?:au|a) sunat', 'au anulat', 'anulat~ (?:programarea|vizita)', 'am asteptat (?:toata ziua|acasa|degeaba)', 'degeaba', 'fara (?:niciun )?raspuns', 'nici ?un raspuns', 'ignor~'],
    inaction: ['nu s a (?:schimbat|facut|rezolvat) nimic', 'nimic nu s a (?:schimbat|facut|rezolvat)', 'nu (?:faceti|fac|ati facut|au facut) nimic', 'nimeni nu (?:asculta|ajuta|raspunde|face)'],
    staff_conduct: ['nepoliticos', 'nepoliticoasa', 'obraznic~', 'neprofesionist~', 'a tipat la mine', 'au tipat', 'mizerie', 'murdarie', 'mi a inchis telefonul', 'au mintit', 'a mintit', 'mincinos~'],
    sarcasm: ['^ ?(?:super|minunat|grozav|perfect|bravo|mersi) (?:inca|iar|din nou|nimeni|nimic)', 'mersi de nimic', 'multumesc pentru nimic'],
    negated_dissatisfaction: ['nu (?:ma plang|e o plangere|este o plangere|sunt suparat~|sunt nemultumit~|vreau sa fac plangere)', 'nu e graba', 'nu (?:e|este) urgent', 'nicio problema', 'fara graba'],
    compliment: ['multumesc (?:mult|frumos|pentru|foarte)', 'va multumesc', 'mersi mult', 'foarte (?:multumit~|amabil~|politicos|profesionist~|bun~|repede)', 'treaba buna', 'excelent~', 'minunat~', 'felicitari', 'bravo', 'sunt multumit~', 'recunoscat~', 'apreciez'],
    politeness: ['va rog', 'multumesc', 'mersi'],
    suggestion: ['sugest~', 'propun', 'propunere', 'idee', 'ar fi (?:bine|util|bun|frumos|mai bine)', 'ati putea (?:adauga|pune|face)', 'ar trebui sa'],
    question: ['cum (?:pot|se|fac)', 'cand', 'unde', 'ce (?:trebuie|documente|este)', 'pot sa', 'este posibil', 'exista', 'cat', 'care', 'informati~'],
    chaser: ['vreo (?:noutate|veste|informatie)', 'noutati', 'stiti cand', 'cand vine (?:cineva|instalatorul|electricianul)', 'ce se intampla cu', 'actualizare', 'verific (?:daca|stadiul)'],
    complaint_ref: ['plangerea mea', 'plangerii mele', 'reclamatia mea', 'numar~ de referinta', 'cazul meu', 'dosarul meu', 'cmp ?\\d+'],
    stage2: ['escalad~', 'etapa (?:2|a doua|doi)', 'reanaliz~', 'revizuir~', 'revizui~', 'nu accept (?:raspunsul|decizia)', 'nu sunt de acord cu (?:raspunsul|decizia)', 'nu sunt multumit~ de (?:raspuns|decizie|rezultat)', 'contest~', 'apel'],
    data_request: ['date(?:le)? personale', 'datele mele', 'copie (?:a|dupa) (?:datelor|dosarului|documentelor|informatiilor)', 'ce date', 'gdpr', 'protectia datelor', 'acces la (?:datele|dosarul)', 'stergeti datele'],
    human: ['(?:vorbesc|vorbi|vorbim) cu (?:o persoana|cineva|un om|un operator|un consultant|managerul|un angajat)', 'persoana reala', 'om real', 'sunati ma', 'ma puteti suna', 'sa ma sune cineva'],
    asb: ['vecin~', 'zgomot~', 'galagie', 'muzica', 'petrece~', 'droguri', 'dealer~', 'tipete', 'tipa', 'bataie', 'amenint~', 'hartui~', 'latra', 'vandal~', 'de sus', 'de la etaj', 'antisocial', 'betiv~', 'beti'],
    repair: ['stricat~', 's a stricat', 'nu (?:functioneaza|merge)', 'curge', 'picura', 'scurgere', 'umezeala', 'igrasie', 'mucegai', 'centrala', 'calorifer~', 'incalzire~', 'robinet~', 'toalet~', 'wc', 'chiuveta', 'dus', 'fereastr~', 'geam~', 'usa', 'usi', 'incuietoare', 'yala', 'lumina', 'bec', 'priza', 'tavan~', 'acoperis', 'infundat~', 'reparat~', 'repar~', 'inlocui~', 'lift', 'interfon'],
    request: ['puteti (?:trimite|veni|repara|verifica)', 'poate (?:veni|trimite) cineva', 'va rog (?:trimiteti|veniti|reparati|sa trimiteti)', 'am nevoie de (?:un instalator|un electrician|reparatie|cineva)', 'vreau sa (?:raportez|anunt|semnalez)', 'as vrea sa (?:raportez|anunt)', 'raportez', 'semnalez'],
    response_ref: ['raspuns~', 'decizi~', 'rezultat~'],
    contrast: ['dar(?: [^ ]+){0,6} (?:nu|nimeni|niciodata|tot|inca)'],
    greeting: ['^ ?(?:buna ziua|buna|alo|salut|ok|ok mersi|da|nu|multumesc)(?: mersi| multumesc)? $'],
    legal: ['avocat~', 'instanta', 'tribunal', 'judecata', 'in judecata', 'actiune in justitie', 'ombudsman', 'consilier', 'deputat'],
    abusive: ['idiot~', 'prost~', 'dobitoc~', 'muie', 'pula', 'pizd~', 'futu~', 'dracu', 'nenorocit~', 'jegos~'],
    hazard_gas: ['miros de gaz', 'miroase a gaz', 'scurgere de gaz', 'pierdere de gaz', 'gaz~ (?:se )?scurge'],
    hazard_co: ['monoxid de carbon', 'monoxid', 'detector de (?:co|monoxid)', 'alarma de (?:co|monoxid)'],
    hazard_flood: ['curge (?:apa )?(?:din|prin) tavan', 'apa (?:din|prin) tavan', 'inunda~', 'apa curge (?:din tavan|prin tavan|peste tot|pe perete)', 'teava sparta', 's a spart (?:o |teava)', 'apa peste tot', 'tavanul (?:cade|s a prabusit)'],
    hazard_electric: ['fire (?:dezgolite|expuse|atarna)', 'cabluri (?:dezgolite|expuse)', 'scantei', 'scanteie', 'electrocut~', 'm a curentat', 'curentat', 'priza (?:arde|fumega|se topeste|scoate scantei)', 'miros de ars', 'fum', 'foc', 'incendiu'],
    no_heat_water: ['fara (?:caldura|incalzire|apa calda|apa)', 'nu (?:avem|am|e|este) (?:caldura|incalzire|apa calda|apa)', 'centrala nu (?:functioneaza|merge)', 'frig', 'inghetam'],
    vulnerable: ['bebelus~', 'copil~', 'copii', 'nou nascut', 'varstnic~', 'batran~', 'pensionar~', 'handicap~', 'dizabilit~', 'scaun cu rotile', 'insarcinata', 'gravida', 'bolnav~', 'cancer', 'astm~', 'spital', 'bunic~'],
  },
};
