/**
 * The contact-ID chain (CONF-15): every agent leg created by a consult or a transfer gets its own
 * contact ID, linked to the contact before it through previous/next contact IDs, all sharing the
 * initial contact ID. IDs are derived from the initial contact ID and a counter, never random.
 */
import type { ConferenceState, ContactInitiation, ContactRecord, PartyId } from './types';

/** The contact ID of the n-th contact after the initial one (n >= 1). */
export function derivedContactId(initialContactId: string, n: number): string {
  return `${initialContactId}-t${n}`;
}

/**
 * The chain with one more contact for `agent`, linked after the latest contact of the chain,
 * and the new contact's ID.
 */
export function appendContact(
  state: ConferenceState,
  agent: PartyId,
  initiation: ContactInitiation,
  time: number,
): { readonly contacts: ReadonlyArray<ContactRecord>; readonly contactId: string } {
  const initialContactId = state.config.initialContactId;
  const contactId = derivedContactId(initialContactId, state.contacts.length);
  const previous = state.contacts[state.contacts.length - 1];
  const record: ContactRecord = {
    contactId,
    initialContactId,
    previousContactId: previous?.contactId ?? null,
    nextContactId: null,
    agent,
    initiation,
    createdAt: time,
  };
  const linked = state.contacts.map((contact) =>
    contact === previous ? { ...contact, nextContactId: contactId } : contact,
  );
  return { contacts: [...linked, record], contactId };
}

/** The contact record of a contact ID, or `undefined`. */
export function contactById(state: ConferenceState, contactId: string): ContactRecord | undefined {
  return state.contacts.find((contact) => contact.contactId === contactId);
}

/** The contact ID an agent's current (or last) leg belongs to, or `undefined`. */
export function contactIdOf(state: ConferenceState, agent: PartyId): string | undefined {
  return state.legs.find((leg) => leg.party === agent)?.agent?.contactId;
}
