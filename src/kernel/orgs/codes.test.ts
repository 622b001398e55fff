import { describe, expect, it } from 'vitest';
import { isInSubtree, levelOf, parentOf, prefixUpperBound, scopePrefix } from './codes.js';

describe('org codes', () => {
  it.each([
    ['510000000000', 'province'],
    ['510600000000', 'city'],
    ['510626000000', 'county'],
    ['510626001000', 'township'],
    ['510626100201', 'village'],
    ['510626100000K01', 'office'],
    ['510626100201W001', 'grid'],
    ['510626100000W002', 'grid'],
  ])('%s is a %s', (code, level) => {
    expect(levelOf(code)).toBe(level);
  });

  it.each([
    '51062610020',
    '5106261002011',
    '51062610020a',
    '000000000000',
    '510000000001', // village digits without a township
    '510626000001',
    '510600100000', // township without a county
    '510626100201K01', // office under a village
    '510626000000K01', // office under a county
    '510626100000K00',
    '510626100000W000',
    '',
    '５１０６２６１００２０１',
  ])('rejects %s', (code) => {
    expect(levelOf(code)).toBeNull();
  });

  it('derives parents and prefixes', () => {
    expect(parentOf('510626100201')).toBe('510626100000');
    expect(parentOf('510626100000')).toBe('510626000000');
    expect(parentOf('510626000000')).toBe('510600000000');
    expect(parentOf('510600000000')).toBe('510000000000');
    expect(parentOf('510000000000')).toBeNull();
    expect(parentOf('510626100201W001')).toBe('510626100201');
    expect(scopePrefix('510626100000')).toBe('510626100');
    expect(scopePrefix('510626100201W001')).toBe('510626100201W001');
    expect(prefixUpperBound('510626109')).toBe('51062610:');
  });

  it('knows subtrees and never leaks siblings', () => {
    expect(isInSubtree('510626100201', '510626100000')).toBe(true);
    expect(isInSubtree('510626100000K01', '510626100000')).toBe(true);
    expect(isInSubtree('510626100201W003', '510626100201')).toBe(true);
    expect(isInSubtree('510626100202', '510626100201')).toBe(false);
    expect(isInSubtree('510626101000', '510626100000')).toBe(false);
    expect(isInSubtree('510626100000', '510626100000')).toBe(true);
  });
});
