import { identifyLanguage, SUPPORTED_LANGUAGES } from '../../../services/detection/languageId';

describe('identifyLanguage', () => {
  it.each([
    ['en', 'the back door has been sticking for a while, can someone plane it'],
    ['cy', "Mae'r drws cefn wedi bod yn sticio ers tro, all rhywun edrych arno?"],
    ['pl', 'Drzwi na balkon się zacinają, czy ktoś może je wyregulować?'],
    ['ro', 'Ușa de la balcon se blochează, poate veni cineva să o regleze?'],
    ['lt', 'Balkono durys stringa, ar galėtų kas nors ateiti pažiūrėti?'],
    ['pt', 'A porta da varanda está a prender, alguém pode vir ver?'],
    ['es', 'La puerta del balcón se atasca, ¿puede venir alguien a mirarla?'],
    ['fr', "La porte du balcon coince, quelqu'un peut venir la régler ?"],
    ['so', 'Albaabka balakoonka wuu xiran yahay, qof ma iman karaa si uu u eego?'],
    ['ar', 'باب الشرفة يعلق، هل يمكن أن يأتي أحد لإصلاحه؟'],
    ['ur', 'بالکونی کا دروازہ پھنس جاتا ہے، کیا کوئی آ کر دیکھ سکتا ہے؟'],
    ['pa', 'ਬਾਲਕੋਨੀ ਦਾ ਦਰਵਾਜ਼ਾ ਫਸ ਜਾਂਦਾ ਹੈ, ਕੀ ਕੋਈ ਆ ਕੇ ਦੇਖ ਸਕਦਾ ਹੈ?'],
    ['bn', 'বারান্দার দরজা আটকে যায়, কেউ কি এসে দেখতে পারবেন?'],
  ])('identifies %s', (language, text) => {
    expect(identifyLanguage(text)).toBe(language);
  });

  it('covers English and at least ten more languages', () => {
    expect(SUPPORTED_LANGUAGES).toContain('en');
    expect(SUPPORTED_LANGUAGES.length).toBeGreaterThanOrEqual(11);
  });

  it('identifies messages typed without diacritics', () => {
    expect(identifyLanguage('ciagle nikt nie przyszedl naprawic okna')).toBe('pl');
    expect(identifyLanguage('nao veio ninguem arranjar a janela')).toBe('pt');
  });

  it('falls back to English when there is no evidence', () => {
    expect(identifyLanguage('')).toBe('en');
    expect(identifyLanguage('12345')).toBe('en');
  });
});
