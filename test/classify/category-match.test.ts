import { describe, expect, it } from 'vitest';
import { categoryMatcher } from '../../src/values/category-match.js';

describe('categoryMatcher', () => {
  const ring = categoryMatcher(['ring']);

  it('matches whole words only: ring is not in Earrings or Spring', () => {
    expect(ring.match('Jewelry > Earrings')).toBeUndefined();
    expect(ring.match('Spring Collection')).toBeUndefined();
    expect(ring.match('Jewelry > Rings')).toBe('ring');
    expect(ring.match('jewelry>ring')).toBe('ring');
  });

  it('is case-insensitive and folds singular and plural', () => {
    const m = categoryMatcher(['dresses', 'phone accessories', 'batteries']);
    expect(m.match("WOMEN'S CLOTHING > Dress")).toBe('dresses');
    expect(m.match('Cellphones > Phone Accessory > Cases')).toBe('phone accessories');
    expect(m.match('Battery')).toBe('batteries');
  });

  it('matches a keyword of several words only in sequence', () => {
    const m = categoryMatcher(['home decor']);
    expect(m.match('Home & Garden > Home Decor > Vases')).toBe('home decor');
    expect(m.match('Decor for the Home')).toBeUndefined();
  });

  it('ignores accents on Latin letters: Home Décor is home decor', () => {
    expect(categoryMatcher(['home decor']).match('Maison > Home Décor')).toBe('home decor');
    expect(categoryMatcher(['dresses']).match('Robes > Dréss')).toBe('dresses');
  });

  it('matches CJK keywords as substrings', () => {
    const m = categoryMatcher(['鞋', '手机配件']);
    expect(m.match('女鞋 > 运动鞋')).toBe('鞋');
    expect(m.match('3C数码 > 手机配件 > 数据线')).toBe('手机配件');
    expect(m.match('服装')).toBeUndefined();
  });

  it('matches everything with "*" (an empty category too), and nothing else without a category', () => {
    expect(categoryMatcher('*').match('Anything')).toBe('*');
    expect(categoryMatcher('*').match(null)).toBe('*');
    expect(ring.match(null)).toBeUndefined();
  });
});

describe('categoryMatcher specificity', () => {
  it('names the most specific keyword that matches', () => {
    expect(categoryMatcher(['tools', 'kitchen tools']).match('Home > Kitchen Tools > Peelers')).toBe(
      'kitchen tools',
    );
  });
});
