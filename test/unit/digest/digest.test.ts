import { APP_UUID_NAMESPACE, canonicalJson, contentHash, sameJson, uuidV5 } from '@shared/digest';
import { describe, expect, it } from 'vitest';

describe('canonical JSON and content hashes', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
  });

  it('changes when any value changes', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).not.toBe(contentHash({ a: 1, b: [2, 1] }));
    expect(contentHash({ score: 10 })).not.toBe(contentHash({ score: 10.5 }));
  });

  it('is the SHA-256 of the canonical text', () => {
    // sha256("{}") is a published constant.
    expect(contentHash({})).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('name-based UUIDs', () => {
  it('match RFC 9562 version 5 (the DNS namespace example)', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('are stable per name and differ between names', () => {
    expect(uuidV5('attempt-1/statement-0')).toBe(uuidV5('attempt-1/statement-0'));
    expect(uuidV5('attempt-1/statement-0')).not.toBe(uuidV5('attempt-1/statement-1'));
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('urn:conference-call-trainer', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(
      APP_UUID_NAMESPACE,
    );
  });
});

describe('sameJson', () => {
  it('agrees with comparing canonical JSON texts', () => {
    const cases: Array<[unknown, unknown]> = [
      [
        { a: 1, b: [1, { c: 2 }] },
        { b: [1, { c: 2 }], a: 1 },
      ],
      [{ a: 1 }, { a: 1, b: undefined }],
      [{ a: 1 }, { a: 2 }],
      [
        [1, 2],
        [2, 1],
      ],
      [{ a: [] }, { a: {} }],
      [null, {}],
      ['1', 1],
      [
        { a: 1, b: 2 },
        { a: 1, c: 2 },
      ],
    ];
    for (const [a, b] of cases)
      expect(sameJson(a, b), JSON.stringify([a, b])).toBe(canonicalJson(a) === canonicalJson(b));
  });
});
