import { baseLanguage, textDirection } from '../../../services/translation';

describe('text direction', () => {
  it('marks Arabic, Urdu and Persian right to left, with or without a region', () => {
    expect(['ar', 'ur', 'fa', 'ar-SA', 'ur-PK'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
  });
  it('marks Bengali, Punjabi (Gurmukhi), Polish, Welsh, Romanian and English left to right', () => {
    expect(['bn', 'pa', 'pl', 'cy', 'ro', 'en'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });
  it('reduces provider tags to the language part', () => {
    expect([baseLanguage('zh-Hans'), baseLanguage(' PT_br '), baseLanguage('cy')]).toEqual(['zh', 'pt', 'cy']);
  });
});
