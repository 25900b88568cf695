import { describe, expect, it } from 'vitest';
import { escalationChannel, parseEscalation } from '../../src/domain/contact-fields.js';
import { mergeContact, rawOf } from '../../src/commands/contact.js';
import { givenFromFlags } from '../../src/commands/log.js';
import { makeContact } from '../support/snapshot.js';

describe('logged escalations', () => {
  it('a platform or a link is a public post on social media', () => {
    expect(parseEscalation({ platform: 'X', link: 'https://x.com/a/status/1' })).toEqual({
      kind: 'social-media',
      forum: null,
      platform: 'X',
      link: 'https://x.com/a/status/1',
      fileNumber: null,
    });
    expect(escalationChannel({ platform: 'X' })).toBe('social');
    expect(escalationChannel({ kind: 'regulator' })).toBe('web-form');
  });
  it('a file number needs the kind of body; a link must be a web address', () => {
    expect(() => parseEscalation({ fileNumber: '77' })).toThrow(/need --escalation/);
    expect(() => parseEscalation({ kind: 'social-media' })).toThrow(/--platform or --link/);
    expect(() => parseEscalation({ platform: 'X', link: 'javascript:alert(1)' })).toThrow(
      /not a web address/,
    );
    expect(() => parseEscalation({ kind: 'tribunal' })).toThrow(/not one of/);
    expect(parseEscalation(undefined)).toBeNull();
  });
  it('no escalation flag leaves the raw contact without one (contact edit sees no change)', () => {
    expect(givenFromFlags({}).raw.escalation).toBeUndefined();
    expect(givenFromFlags({ fileNumber: '77' }).raw.escalation).toMatchObject({ fileNumber: '77' });
  });
  it('contact edit changes only the escalation fields given', () => {
    const stored = makeContact(1, '2026-11-20T09:00:00Z', {
      escalation: {
        kind: 'regulator',
        forum: 'CFPB',
        platform: null,
        link: null,
        fileNumber: null,
      },
    });
    const merged = mergeContact(rawOf(stored), givenFromFlags({ fileNumber: 'F-9' }));
    expect(merged.escalation).toEqual({ kind: 'regulator', forum: 'CFPB', fileNumber: 'F-9' });
    expect(merged.channel).toBe('phone');
  });
});
