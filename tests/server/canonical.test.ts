import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonByParts, requestHash } from '../../server/sync/canonical.ts';

// A pushed change as a phone sends it (its own key order), with Swedish letters, quotes and an emoji.
const CHANGE_JSON =
  '{"id":"0190c1d2-7e3a-7b4c-9d5e-6f7a8b9c0d1e","rev":2,"op":"upsert","entry":{"kind":"traffic_check","kommunId":"nassjo",' +
  '"promiseId":"nassjo-2025","activityId":"trafik","startedAt":"2025-06-14T20:00:00.000Z","utcOffsetMinutes":120,"durationMinutes":90,' +
  '"place":"Rv 31 norr, Åsvägen","note":"Nykterhet \\"bil\\" 🚓","details":{"focus":"nykterhet","vehiclesChecked":40,"breathTests":40,' +
  '"reports":2,"suspectedImpaired":1}},"voidReason":null,"clientTime":"2025-06-14T21:00:00.000Z"}';

describe('the request hash', () => {
  it('is the hash stored revisions were written with (it must never change: replays would be conflicts)', () => {
    const change = JSON.parse(CHANGE_JSON);
    expect(canonicalJson(change)).toBe(
      '{"clientTime":"2025-06-14T21:00:00.000Z","entry":{"activityId":"trafik","details":{"breathTests":40,"focus":"nykterhet","reports":2,' +
        '"suspectedImpaired":1,"vehiclesChecked":40},"durationMinutes":90,"kind":"traffic_check","kommunId":"nassjo",' +
        '"note":"Nykterhet \\"bil\\" 🚓","place":"Rv 31 norr, Åsvägen","promiseId":"nassjo-2025","startedAt":"2025-06-14T20:00:00.000Z",' +
        '"utcOffsetMinutes":120},"id":"0190c1d2-7e3a-7b4c-9d5e-6f7a8b9c0d1e","op":"upsert","rev":2,"voidReason":null}',
    );
    expect(requestHash(change)).toBe('5z0vqGtqecyRj94M_oR_y1M7ry-MBuWv-RDuInz8kDM');
  });

  it('does not depend on the order the client wrote the keys in', () => {
    const change = JSON.parse(CHANGE_JSON);
    const reversed = (v: unknown): unknown =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(JSON.stringify(reversed(change))).not.toBe(JSON.stringify(change));
    expect(requestHash(reversed(change))).toBe(requestHash(change));
  });
});

describe('canonicalJson', () => {
  // Keys an object would not keep in insertion order take the concatenating path; both must give one text.
  const cases: Array<[string, string]> = [
    ['integer-like keys, which objects list first by value', '{"b":1,"10":"ten","9":"nine","a":2}'],
    ['"__proto__", which assigning would make the prototype', '{"z":1,"__proto__":{"q":1,"a":2},"a":0}'],
    ['such keys deep in arrays', '{"b":[1,{"z":1,"a":[{"y":null,"1":"å"}]}],"a":true}'],
    ['a leading zero and the empty key', '{"01":true,"":0,"a":[]}'],
    ['keys beyond the BMP and with escapes', '{"é":1,"🚓":2,"a\\"b":3,"\\u0001":4,"Z":5}'],
    ['nested arrays and scalars', '[[1,[2,{"b":null,"a":-0.5e-7}]],"x",null,true]'],
    ['a scalar', '"Rv 31"'],
  ];
  it.each(cases)('gives the defining text for %s', (_what, json) => {
    const value = JSON.parse(json);
    expect(canonicalJson(value)).toBe(canonicalJsonByParts(value));
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('sorts by UTF-16 code units, integer-like keys as text', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"10":2,"9":3,"B":4}'))).toBe('{"10":2,"9":3,"B":4,"b":1}');
    expect(canonicalJson(JSON.parse('{"b":{"d":1,"c":2},"a":[{"f":1,"e":2}]}'))).toBe('{"a":[{"e":2,"f":1}],"b":{"c":2,"d":1}}');
  });

  it('leaves out undefined properties and writes undefined array items as null, as JSON does', () => {
    const value = { b: undefined, a: [undefined, 1], c: { d: undefined } };
    expect(canonicalJson(value)).toBe('{"a":[null,1],"c":{}}');
    expect(canonicalJson(value)).toBe(canonicalJsonByParts(value));
  });
});
