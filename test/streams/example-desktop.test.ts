/**
 * The example desktop (examples/streams-desktop), unchanged, in happy-dom with the real Streams
 * library: its `initCCP` call is answered by the in-memory wiring to the simulated CCP (the
 * iframe's postMessage conduit does not exist in happy-dom). Clicking through the warm transfer
 * with swap gives the reference solution's log and score, and a refusal shows its rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionsToInputs,
  advanceTo,
  type DirectorState,
  nextDueTime,
  runSession,
  type Scenario,
  ScenarioSchema,
  sessionLogOf,
  startDirector,
} from '../../src/shared/scenario';
import { scoreSession } from '../../src/shared/scoring/scorer';
import { agentUpdate, ccpReceive } from '../../src/shared/streams';
import { wireStreams } from './support';

const root = join(import.meta.dirname, '../..');
const scenario: Scenario = ScenarioSchema.parse(
  JSON.parse(readFileSync(join(root, 'resources/scenarios/warm-transfer-swap.json'), 'utf8')),
);
const clock = { epoch: 1_700_000_000_000, wallNow: 1_700_000_000_000 };

function openDesktop(seed: number) {
  let director: DirectorState = startDirector(scenario, seed).state;
  let now = 0;
  const page = wireStreams((message, p) => {
    const result = ccpReceive(director, message, now, clock);
    director = result.director;
    for (const reply of result.replies) p.deliver(reply);
  });
  const html = readFileSync(join(root, 'examples/streams-desktop/index.html'), 'utf8');
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  let initCcpUrl: string | null = null;
  page.connect.core.initCCP = (_container: unknown, options: { ccpUrl: string }) => {
    initCcpUrl = options.ccpUrl;
  };
  const desktop = new Function(readFileSync(join(root, 'examples/streams-desktop/desktop.js'), 'utf8'));
  desktop();
  const tick = (seconds: number) => {
    now = seconds * 1000;
    director = advanceTo(director, now).state;
    page.deliver(agentUpdate(director, clock));
  };
  tick(0);
  const click = (id: string) => (document.getElementById(id) as HTMLButtonElement).click();
  const text = (id: string) => document.getElementById(id)?.textContent ?? '';
  const finish = () => {
    while (!director.ended) {
      const due = nextDueTime(director);
      if (due === null) break;
      director = advanceTo(director, due).state;
    }
    return sessionLogOf(director);
  };
  return { tick, click, text, finish, ccpUrl: () => initCcpUrl };
}

function pickQuickConnect(name: string) {
  const select = document.getElementById('quick-connects') as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent === name);
  if (option === undefined) throw new Error(`no quick connect ${name} in the picker`);
  select.value = option.value;
}

describe('the example desktop on the real Streams library', () => {
  it('plays the warm transfer with swap by clicks to the reference log and a passing score', () => {
    const d = openDesktop(scenario.reference.seed);
    expect(d.ccpUrl()).not.toBeNull();
    d.tick(2);
    expect(d.text('contact-state')).toContain('connecting');
    d.click('accept');
    expect(d.text('agent-state')).toBe('Busy');
    d.tick(16);
    pickQuickConnect('Dana Ortiz (Claims)');
    d.click('add-quick-connect');
    d.tick(34);
    expect(d.text('connections')).toContain('Internal transfer');
    d.click('swap');
    d.tick(44);
    d.click('swap');
    d.tick(52);
    d.click('join');
    d.tick(64);
    d.click('leave');
    d.tick(68);
    d.click('clear');
    expect(d.text('message')).toBe('');
    const log = d.finish();
    const reference = runSession(
      scenario,
      scenario.reference.seed,
      actionsToInputs(scenario.reference.actions),
    );
    expect(log).toEqual(reference.log);
    const score = scoreSession(scenario, log).result;
    expect(score).toEqual(scoreSession(scenario, reference.log).result);
    expect(score.passed).toBe(true);
  });

  it('a refused action shows the CCP error with its rule ID', () => {
    const d = openDesktop(1);
    d.tick(2);
    d.click('accept');
    d.tick(3);
    d.click('join'); // nobody to join (too few participants)
    expect(d.text('message')).toMatch(/Join failed: The action was refused: [a-z-]+ \((CONF|CCP)-\w+\)/);
  });
});
