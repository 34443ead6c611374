import { pickLanguage } from './pick-language.js';

describe('pickLanguage', () => {
  it('prefers the explicit lang parameter', () => {
    expect(pickLanguage('zh', 'en-US,en;q=0.9')).toBe('zh');
  });
  it('reads Accept-Language by quality, then order', () => {
    expect(pickLanguage(undefined, 'fr;q=1, en;q=0.5, zh-CN;q=0.8')).toBe('zh');
    expect(pickLanguage(undefined, 'zh-TW, en')).toBe('zh');
    expect(pickLanguage(undefined, 'de, en-GB;q=0.7')).toBe('en');
  });
  it('falls back when nothing matches or the header is junk', () => {
    expect(pickLanguage(undefined, 'de, fr')).toBe('en');
    expect(pickLanguage(undefined, ';;;q=abc', 'zh')).toBe('zh');
    expect(pickLanguage('xx', undefined)).toBe('en');
  });
});
