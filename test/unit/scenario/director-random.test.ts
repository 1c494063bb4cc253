import { describe, expect, it } from 'vitest';
import { quickConnectByName } from '../../../src/shared/conference';
import {
  conferenceConfigOf,
  drawDelay,
  initialContactIdOf,
  mulberry32,
  randomUnit,
  runSession,
  ScenarioShapeError,
} from '../../../src/shared/scenario';
import { act, cast, events, scenario } from './director-support';

describe('seeded delays', () => {
  it('a fixed delay is the same for every seed, in milliseconds', () => {
    expect(drawDelay(4, 1, 'answer:broker:1')).toBe(4000);
    expect(drawDelay(2.5, 99, 'answer:broker:1')).toBe(2500);
  });

  it('a range draws the same delay for the same seed and key', () => {
    const range = { min: 3, max: 8 };
    for (const seed of [0, 1, 7, 2 ** 32 - 1]) {
      expect(drawDelay(range, seed, 'answer:translator:1')).toBe(
        drawDelay(range, seed, 'answer:translator:1'),
      );
    }
  });

  it('a range stays within min and max, both ends included', () => {
    for (let seed = 0; seed < 500; seed++) {
      const ms = drawDelay({ min: 3, max: 8 }, seed, 'answer:translator:1');
      expect(ms).toBeGreaterThanOrEqual(3000);
      expect(ms).toBeLessThanOrEqual(8000);
      expect(Number.isInteger(ms)).toBe(true);
    }
    expect(drawDelay({ min: 5, max: 5 }, 3, 'k')).toBe(5000);
  });

  it('different seeds and different keys give different delays', () => {
    const bySeed = new Set(Array.from({ length: 20 }, (_, seed) => drawDelay({ min: 3, max: 8 }, seed, 'k')));
    const byKey = new Set(
      Array.from({ length: 20 }, (_, n) => drawDelay({ min: 3, max: 8 }, 1, `answer:x:${n}`)),
    );
    expect(bySeed.size).toBeGreaterThan(10);
    expect(byKey.size).toBeGreaterThan(10);
  });

  it('randomUnit spreads over [0, 1) and mulberry32 is a pure step', () => {
    const values = Array.from({ length: 1000 }, (_, i) => randomUnit(i, 'spread'));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(mulberry32(42)).toEqual(mulberry32(42));
    expect(mulberry32(42).next).not.toBe(42);
  });

  it("a party's drawn delay does not depend on other draws before it", () => {
    // The translator is dialled alone, or after the specialist whose delay is also drawn.
    const s = scenario({
      parties: [
        cast.caller,
        cast.trainee,
        { ...cast.specialist, answer: { after: { min: 1, max: 9 } } },
        cast.translator,
      ],
    });
    const alone = runSession(s, 5, [act(1, 'accept'), act(20, 'add', { target: 'translator' })]);
    const after = runSession(s, 5, [
      act(1, 'accept'),
      act(2, 'add', { target: 'specialist' }),
      act(15, 'join'),
      act(20, 'add', { target: 'translator' }),
    ]);
    const answerTime = (lines: string[]) =>
      Number(lines.find((line) => line.includes('translator answer'))?.split(' ')[0]);
    expect(answerTime(events(alone)) - 20_000).toBe(answerTime(events(after)) - 20_000);
    expect(answerTime(events(alone)) - 20_000).toBe(drawDelay({ min: 3, max: 8 }, 5, 'answer:translator:1'));
  });
});

describe('conferenceConfigOf', () => {
  it('maps the caller, the primary agent, the other parties and Contact Lens', () => {
    const config = conferenceConfigOf(scenario({ call: { contactLens: true } }));
    expect(config.mode).toBe('multiparty');
    expect(config.caller).toEqual({
      kind: 'caller',
      id: 'caller',
      displayName: 'Alex Doe',
      number: '+12025550142',
    });
    expect(config.primaryAgent).toEqual({
      kind: 'agent',
      id: 'trainee',
      displayName: 'You',
      quickConnectName: 'Trainee',
    });
    expect(config.parties.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'agent:specialist',
      'external:broker',
      'external:translator',
    ]);
    expect(config.parties[1]).toMatchObject({ quickConnectName: 'Broker', number: '+12025550177' });
    expect(config.parties[2]).not.toHaveProperty('quickConnectName');
    expect(config.contactLens).toBe(true);
  });

  it('the primary agent is call.primaryAgent, a scripted agent when the trainee is secondary', () => {
    const lead = {
      id: 'lead',
      kind: 'agent',
      name: 'Team lead',
      role: 'lead',
      quickConnect: 'Lead',
    } as const;
    const config = conferenceConfigOf(
      scenario({
        call: { traineeRole: 'secondary', primaryAgent: 'lead', mode: 'three-party' },
        parties: [cast.caller, lead, cast.trainee],
      }),
    );
    expect(config.primaryAgent.id).toBe('lead');
    expect(config.parties.map((p) => p.id)).toEqual(['trainee']);
  });

  it("takes the instance's quick connects that reach a party, under their own names", () => {
    const s = scenario({
      call: {
        instance: {
          country: 'US',
          claimedNumbers: [],
          outboundCountries: ['US'],
          queues: [{ name: 'Billing' }],
          quickConnects: [
            { type: 'agent', name: 'Sam direct', agent: 'Sam Rivera' },
            { type: 'phone-number', name: 'Translation line', number: '+1 206 555 0123' },
            { type: 'phone-number', name: 'Nobody', number: '+12025550199' },
            { type: 'queue', name: 'Billing queue', queue: 'Billing' },
          ],
        },
      },
    });
    const config = conferenceConfigOf(s);
    expect(config.quickConnects).toEqual([
      { name: 'Sam direct', type: 'agent', target: 'specialist' },
      { name: 'Translation line', type: 'phone-number', target: 'translator' },
    ]);
    expect(quickConnectByName(config, 'Translation line')?.target).toBe('translator');
  });

  it('derives the initial contact ID from the scenario id, the same every time', () => {
    const id = conferenceConfigOf(scenario()).initialContactId;
    expect(id).toBe(initialContactIdOf('director-test'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(initialContactIdOf('other-scenario')).not.toBe(id);
  });

  it('refuses a scenario whose primary agent is not an agent party', () => {
    const s = scenario({ call: { primaryAgent: 'broker' } });
    expect(() => conferenceConfigOf(s)).toThrow(ScenarioShapeError);
    expect(() => conferenceConfigOf(s)).toThrow(/call.primaryAgent "broker" is not an agent party/);
  });
});
