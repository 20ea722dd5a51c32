// urgent_safety must never be missed (gas, carbon monoxide, flooding, electrics, no heat or
// water with a vulnerable person) in any supported language, and a routine leak or a
// neighbour's noise must not send staff out on an emergency. These phrasings were written for
// this test and appear in no corpus.
import { isTrainingText, sharedDetector } from './helpers';
import { loadCorpus, HOLDOUT_CORPUS } from '../../../services/detection/corpus';

const detector = sharedDetector();
const heldOut = new Set(loadCorpus(HOLDOUT_CORPUS).map((e) => e.text));

function urgent(text: string): boolean {
  expect(isTrainingText(text)).toBe(false);
  expect(heldOut.has(text)).toBe(false);
  return detector.detect(text).flags.includes('urgent_safety');
}

describe('urgent_safety in every supported language', () => {
  it.each([
    ['en', 'my flat stinks of rotten eggs since I came home from work'],
    ['en', 'the co detector on the landing is going off and I feel drowsy'],
    ['en', "we've all had headaches for days and the gas fire flame burns orange"],
    ['en', 'water is dripping out of the bathroom light and the bulb blew'],
    ['en', 'the plug by the sink sparked and tripped everything'],
    ['en', 'no water coming from the taps and my 84 year old dad lives with me'],
    ['en', 'wires poking out of the skirting board, you can see bare copper'],
    ['cy', 'Mae arogl nwy yn y cyntedd ers y bore'],
    ['cy', 'Does dim gwres ac mae fy nain yn 90 oed'],
    ['pl', 'Czujnik czadu piszczy w łazience'],
    ['pl', 'Nie ma ogrzewania, a mam w domu noworodka'],
    ['ro', 'Se simte miros de gaz pe scară'],
    ['ro', 'Curge apă din tavan peste priza din hol'],
    ['lt', 'Iš lizdo eina dūmai ir kibirkščiuoja'],
    ['lt', 'Jaučiu dujų kvapą laiptinėje'],
    ['pt', 'Há um cheiro a gás na cozinha desde manhã'],
    ['pt', 'Não temos aquecimento e a minha mãe tem 89 anos'],
    ['es', 'Sale humo del enchufe de la cocina'],
    ['es', 'Se ha reventado una tubería y el piso se está inundando'],
    ['fr', "L'alarme de monoxyde de carbone sonne sans arrêt"],
    ['fr', "De l'eau coule sur les prises électriques du salon"],
    ['ar', 'هناك شرار يخرج من المقبس في غرفة النوم'],
    ['ar', 'رائحة الغاز قوية على الدرج'],
    ['ur', 'گیس لیک ہو رہی ہے، بو بہت تیز ہے'],
    ['ur', 'ہیٹنگ خراب ہے اور میری والدہ کی عمر 85 سال ہے'],
    ['pa', 'ਘਰ ਵਿੱਚ ਗੈਸ ਦੀ ਤੇਜ਼ ਬੋ ਆ ਰਹੀ ਹੈ'],
    ['pa', 'ਸਾਕਟ ਵਿੱਚੋਂ ਧੂੰਆਂ ਨਿਕਲ ਰਿਹਾ ਹੈ'],
    ['bn', 'সিঁড়িতে গ্যাসের তীব্র গন্ধ'],
    ['bn', 'পাইপ ফেটে রান্নাঘরে বন্যা হয়ে গেছে'],
    ['so', 'Gaas ayaa ka soo baxaya jikada, ur xun ayaa jira'],
    ['so', 'Fiilooyin koronto ah ayaa qaawan oo ilmaha ayaa taabanaya'],
    // Added after the independent holdout-c set (2026-11-23) showed these concepts missing; new wordings.
    ['en', 'there is water seeping up through the floor of the lounge, two inches deep already'],
    ['en', 'a cable is dangling out of the hallway ceiling since your electrician left'],
    ['fr', 'Les fils du plafonnier pendent dans la cuisine depuis hier'],
    ['es', 'Los cables cuelgan del techo del baño'],
    ['ro', 'Nu mai avem apă în apartament și bebelușul are două luni'],
    ['lt', 'Tėtis neįgalus, o mes neturime šildymo jau tris dienas'],
    ['ur', 'Plug se chingari nikli aur bijli chali gayi'],
    ['pa', 'Dadi ji 88 saal de ne, ghar vich heating band hai'],
    ['bn', 'Amar dadi 90 bochor, bari te heating nai'],
    // Added after the independent holdout-d set (2026-11-23) missed these concepts; new wordings:
    // "broken" in Welsh and Spanish, an age after the word for age or right after a relative, and
    // wires that can be seen.
    ['cy', "Mae'r boeler wedi torri a dw i'n 86 oed"],
    ['es', 'La calefacción está rota y mi abuela tiene 91 años'],
    ['bn', 'আমার মায়ের বয়স ৮১, দুই দিন হিটিং নেই'],
    ['en', 'grans 92 and the boilers been off all weekend, she keeps ringing me'],
    ['en', 'the front came off the socket in the kids room and you can see the wires'],
    // Added after the independent holdout-e set (2026-11-23, evening) missed an old age written in
    // words and a serious illness named as such; new wordings:
    ['en', 'boiler packed in last night, my grandad is eighty-seven and lives with us'],
    ['en', "mum's seventy nine and there's no hot water or heating since Sunday"],
    ['en', 'no heating for three days and my husband had a stroke last month'],
    ['en', 'my son has lymphoma and we have had no heating all week'],
  ])('[%s] flags "%s"', (_language, text) => {
    expect(urgent(text)).toBe(true);
  });
});

describe('routine repairs that look like emergencies are not flagged urgent', () => {
  it.each([
    ['en', 'tiny drip from the landing ceiling after heavy rain, no rush'],
    ['en', 'the gutter over the back door spills over in a downpour'],
    ['en', 'the engineer left the gas meter cupboard door hanging off'],
    ['en', 'the service from your electricians has been shocking this year'],
    ['en', 'our hot water is lukewarm in the mornings'],
    ['en', 'no heating in the spare room, we moved in ninety days ago'],
    ['en', 'the communal bins are overflowing again'],
    ['en', 'rain is getting in round the bedroom window frame'],
    ['es', 'Hay una manchita de humedad en el techo del pasillo'],
    ['bn', 'শোবার ঘরের ছাদে একটু একটু জল চুঁইয়ে পড়ছে'],
    ['pl', 'Sąsiedzi z góry hałasują w nocy'],
    ['fr', "Pendant des semaines les fils de l'antenne télé étaient mal fixés"],
    ['en', 'a damp stain is spreading across the bedroom wall'],
    ['ur', 'Heating theek hai, bas remote kaam nahi kar raha'],
    // "nan" inside "maintenance" or "tenancy" is not a grandmother, and £85 or 70 days is not an age.
    ['en', 'the maintenance charge went up to £85 and the heating is off'],
    ['en', 'my tenancy started 70 days ago and the radiator in the hall is broken'],
    // D4: the plug of a bath or sink is not an electrical plug.
    ['en', 'when my daughter pulled the plug out of the bath the water bubbled back up the shower drain'],
  ])('[%s] does not flag "%s"', (_language, text) => {
    expect(urgent(text)).toBe(false);
  });
});
