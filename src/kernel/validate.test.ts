import { describe, expect, it } from 'vitest';
import {
  idCardCheckChar,
  idCardProblem,
  isValidIdCard,
  isValidPhone,
  isValidUscc,
  maskIdCard,
  maskName,
  maskPhone,
  normalizeIdCard,
  normalizePhone,
  toHalfWidth,
  upgradeIdCard15,
  usccCheckChar,
} from './validate.js';

// Check characters computed from the standards' definitions, independently of validate.ts:
// ISO 7064 MOD 11-2 weights are 2^(17-i) mod 11 and the check value is (12 - sum mod 11) mod 11;
// GB 32100 weights are 3^i mod 31.
function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}
function makeId(area: string, birth: string, seq: string): string {
  const first17 = area + birth + seq;
  return first17 + idCheck(first17);
}
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC.indexOf(first17[i]!) * (3 ** i % 31);
  return USCC[(31 - (sum % 31)) % 31]!;
}

const TODAY = { today: '2024-06-30' };

describe('公民身份号码', () => {
  it('the test helper agrees with the published sample 11010519491231002X', () => {
    expect(makeId('110105', '19491231', '002')).toBe('11010519491231002X');
  });

  const valid = [
    '11010519491231002X',
    makeId('510626', '19900101', '123'),
    makeId('440305', '20000229', '417'),
    makeId('650102', '19000101', '001'),
    makeId('820000', '19851115', '386'),
    makeId('330106', '20240630', '002'), // born today
    makeId('320102', '19760704', '593'),
  ];
  it.each(valid)('%s is valid', (id) => {
    expect(idCardProblem(id, TODAY)).toBeNull();
    expect(isValidIdCard(id, TODAY)).toBe(true);
  });

  it('covers every check character, X included', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200 && seen.size < 11; seq++) {
      const id = makeId('370202', '19880808', String(seq).padStart(3, '0'));
      seen.add(id[17]!);
      expect(isValidIdCard(id, TODAY)).toBe(true);
      expect(idCardCheckChar(id.slice(0, 17))).toBe(id[17]);
    }
    expect(seen.size).toBe(11);
  });

  it('accepts a lowercase x, spaces and full-width digits, and normalises them', () => {
    expect(isValidIdCard('11010519491231002x', TODAY)).toBe(true);
    expect(normalizeIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normalizeIdCard('１１０１０５ １９４９１２３１ ００２ｘ')).toBe('11010519491231002X');
    expect(isValidIdCard('110105 19491231 002X\u00a0', TODAY)).toBe(true);
  });

  it('refuses every wrong check character', () => {
    const id = makeId('510626', '19900101', '123');
    for (const c of '0123456789X') {
      if (c === id[17]) continue;
      expect(idCardProblem(id.slice(0, 17) + c, TODAY)).toMatch(/校验位/);
    }
  });

  it('refuses impossible and out-of-range birth dates with the reason', () => {
    expect(idCardProblem(makeId('510626', '19900230', '123'), TODAY)).toMatch(
      /出生日期「19900230」不是有效日期/,
    );
    expect(idCardProblem(makeId('510626', '19901301', '123'), TODAY)).toMatch(/不是有效日期/);
    expect(idCardProblem(makeId('510626', '19000229', '123'), TODAY)).toMatch(/不是有效日期/); // 1900 not leap
    expect(idCardProblem(makeId('510626', '20240701', '123'), TODAY)).toMatch(/晚于今天/);
    expect(idCardProblem(makeId('510626', '20990101', '123'))).toMatch(/晚于今天/);
    expect(idCardProblem(makeId('510626', '18991231', '123'), TODAY)).toMatch(/早于1900年/);
  });

  it('refuses bad province codes, lengths and characters', () => {
    expect(idCardProblem(makeId('000000', '19900101', '123'), TODAY)).toMatch(/省级行政区划代码/);
    expect(idCardProblem(makeId('160101', '19900101', '123'), TODAY)).toMatch(/「16」/);
    expect(idCardProblem(makeId('900101', '19900101', '123'), TODAY)).toMatch(/「90」/);
    expect(idCardProblem('', TODAY)).toBe('身份证号为空');
    expect(idCardProblem('1101051949123100', TODAY)).toMatch(/应为18位,实际为16位/);
    expect(idCardProblem('110105491231002', TODAY)).toMatch(/15位旧身份证号/);
    expect(idCardProblem('11010519491231002Y', TODAY)).toMatch(/数字或X/);
    expect(idCardProblem('1101051949123100X2', TODAY)).toMatch(/数字或X/);
    expect(isValidIdCard('510626199001011234', TODAY)).toBe(idCheck('51062619900101123') === '4');
  });

  it('upgrades 15-digit numbers', () => {
    expect(upgradeIdCard15('110105491231002')).toBe('11010519491231002X');
    expect(upgradeIdCard15('510626900101123')).toBe(makeId('510626', '19900101', '123'));
    expect(upgradeIdCard15('510626900230123')).toBeNull();
    expect(upgradeIdCard15('990626900101123')).toBeNull();
    expect(upgradeIdCard15('51062690010112')).toBeNull();
  });
});

describe('统一社会信用代码', () => {
  it('the helper agrees with a published code', () => {
    expect(usccCheck('91350100M000100Y4')).toBe('3');
  });

  const valid = ['91350100M000100Y43'].concat(
    [
      '91110108MA01ABCD1',
      '11330106002503467',
      '52440300MJL123456',
      '93510626MA6XYW012',
      'Y1110105000000001',
    ].map((b) => b + usccCheck(b)),
  );
  it.each(valid)('%s is valid', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(isValidUscc(code)).toBe(true);
  });

  it('refuses wrong check characters, characters outside the set and wrong lengths', () => {
    const code = '91350100M000100Y43';
    for (const c of USCC) if (c !== '3') expect(isValidUscc(code.slice(0, 17) + c)).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100I000100Y43')).toBe(false); // I is not in the set
    expect(isValidUscc('91350100O000100Y43')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('accepts lowercase and surrounding spaces', () => {
    expect(isValidUscc(' 91350100m000100y43 ')).toBe(true);
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['19912345678', '19912345678'],
    ['0571-87654321', '0571-87654321'],
    ['057187654321', '0571-87654321'],
    ['0571 8765432', '0571-8765432'],
    ['(0571)87654321', '0571-87654321'],
    ['（０５７１）８７６５４３２１', '0571-87654321'],
    ['010-62751234', '010-62751234'],
    ['01062751234', '010-62751234'],
    ['020-83001234', '020-83001234'],
    ['0571-87654321-8001', '0571-87654321-8001'],
    ['0571-87654321转8001', '0571-87654321-8001'],
    ['0571—87654321', '0571-87654321'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(isValidPhone(input)).toBe(true);
  });

  it.each([
    '',
    '12345678901', // 12 is not a mobile prefix
    '1381234567', // 10 digits
    '138123456789',
    '87654321', // no area code
    '0571-1234567', // local numbers do not start with 1
    '010-6275123', // 3-digit area codes go with 8-digit numbers
    '5718765432',
    '电话13812345678',
  ])('%s is refused', (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(isValidPhone(input)).toBe(false);
  });
});

describe('masking', () => {
  it('masks 身份证号 keeping the first 6 and last 4', () => {
    expect(maskIdCard('510626199001011234')).toBe('510626********1234');
    expect(maskIdCard('11010519491231002x')).toBe('110105********002X');
    expect(maskIdCard('110105491231002')).toBe('110105*****1002');
    expect(maskIdCard('12345')).toBe('*****');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0571-87654321')).toBe('0571-******21');
    expect(maskPhone('010-62751234-123')).toBe('010-******34');
    expect(maskPhone('6275123')).toBe('*****23');
  });

  it('masks names', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName(' 欧阳娜娜 ')).toBe('欧***');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('toHalfWidth', () => {
  it('converts full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('２０２３．５．６（必填）　ＡＢｃ')).toBe('2023.5.6(必填) ABc');
    expect(toHalfWidth('中文，保持')).toBe('中文,保持');
  });
});
