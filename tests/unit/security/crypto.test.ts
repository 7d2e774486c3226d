// The primitives: a seal opens only with its key and its record's name, a changed byte is
// refused, and a wrong PIN never unwraps the data key.
import { describe, expect, it } from 'vitest';
import { open, seal, SealError } from '../../../src/crypto/seal.ts';
import { newDataKey, pinKey, PBKDF2_FLOOR, randomBytes, tuneIterations, unwrapDataKey, wrapDataKey, WrongPinError } from '../../../src/crypto/wrap.ts';
import { createKeyring, loadKeyring, unlockKeyring, changeKeyringPin, recoverKeyring } from '../../../src/security/keyring.ts';

const FAST = { iterations: 1_000 };
const aesKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('sealing', () => {
  it('opens what it sealed, with a fresh IV each time', async () => {
    const key = await aesKey();
    const value = { place: 'Stortorget', details: { over21: 2 } };
    const a = await seal(key, value, 'entry:e1:1');
    const b = await seal(key, value, 'entry:e1:1');
    expect(a.iv).toHaveLength(12);
    expect(Array.from(a.iv)).not.toEqual(Array.from(b.iv));
    expect(await open(key, a, 'entry:e1:1', 'x')).toEqual(value);
  });

  it('refuses a changed ciphertext byte', async () => {
    const key = await aesKey();
    const s = await seal(key, { note: 'hemligt' }, 'entry:e1:1');
    const bytes = new Uint8Array(s.ct.slice(0));
    bytes[0]! ^= 0x01;
    await expect(open(key, { ...s, ct: bytes.buffer }, 'entry:e1:1', 'Registreringen')).rejects.toBeInstanceOf(SealError);
  });

  it('refuses a ciphertext moved to another record (additional data differs)', async () => {
    const key = await aesKey();
    const s = await seal(key, { note: 'hemligt' }, 'entry:e1:1');
    await expect(open(key, s, 'entry:e2:1', 'x')).rejects.toBeInstanceOf(SealError);
    await expect(open(key, s, 'entry:e1:2', 'x')).rejects.toBeInstanceOf(SealError);
  });

  it('refuses another key, and anything that is not a seal', async () => {
    const s = await seal(await aesKey(), 'x', 'a');
    await expect(open(await aesKey(), s, 'a', 'x')).rejects.toBeInstanceOf(SealError);
    await expect(open(await aesKey(), { v: 1, iv: new Uint8Array(12), ct: 'x' }, 'a', 'x')).rejects.toBeInstanceOf(SealError);
  });
});

describe('the PIN wraps the data key', () => {
  it('a wrong PIN never unwraps: AES-KW fails with OperationError, surfaced as WrongPinError', async () => {
    const { key } = await createKeyring('o1', '482915', FAST);
    const k = (await loadKeyring())!;
    await expect(unlockKeyring(k, '482916')).rejects.toBeInstanceOf(WrongPinError);
    // The primitive itself: a wrong key-encryption key does not yield some other key.
    const wrongKek = await pinKey('482916', k.salt, k.iterations);
    await expect(crypto.subtle.unwrapKey('raw', k.byPin, wrongKek, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, ['decrypt'])).rejects.toMatchObject({ name: 'OperationError' });
    // The right PIN gives a key that opens what the first one sealed.
    const again = await unlockKeyring(k, '482915');
    expect(await open(again, await seal(key, 'ok', 'a'), 'a', 'x')).toBe('ok');
  });

  it('keeps the key in memory non-extractable', async () => {
    const { key } = await createKeyring('o1', '482915', FAST);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('a changed PIN unwraps the same key; the old one no longer does', async () => {
    const { key } = await createKeyring('o1', '482915', FAST);
    const sealed = await seal(key, 'kvar', 'a');
    await changeKeyringPin((await loadKeyring())!, '482915', '730461', FAST);
    const k = (await loadKeyring())!;
    await expect(unlockKeyring(k, '482915')).rejects.toBeInstanceOf(WrongPinError);
    expect(await open(await unlockKeyring(k, '730461'), sealed, 'a', 'x')).toBe('kvar');
    await expect(changeKeyringPin(k, '000001', '111112', FAST)).rejects.toBeInstanceOf(WrongPinError);
  });

  it('the recovery key unwraps the same key; a wrong one does not', async () => {
    const { key, recovery } = await createKeyring('o1', '482915', FAST);
    const sealed = await seal(key, 'kvar', 'a');
    await expect(recoverKeyring((await loadKeyring())!, randomBytes(32), '730461', FAST)).rejects.toBeInstanceOf(WrongPinError);
    const recovered = await recoverKeyring((await loadKeyring())!, recovery, '730461', FAST);
    expect(await open(recovered, sealed, 'a', 'x')).toBe('kvar');
  });

  it('wraps with AES-KW: the wrapped key is 40 bytes and unwraps only with its key', async () => {
    const data = await newDataKey();
    const kek = await pinKey('482915', randomBytes(16), 1_000);
    const wrapped = await wrapDataKey(data, kek);
    expect(wrapped.byteLength).toBe(40);
    await expect(unwrapDataKey(wrapped, await pinKey('482915', randomBytes(16), 1_000))).rejects.toBeInstanceOf(WrongPinError);
  });

  it('tunes PBKDF2 to the device, never below the floor', async () => {
    let t = 0;
    // A device that does 100 000 iterations in 1 ms would get a huge count; one that takes 10 s gets the floor.
    expect(await tuneIterations(300, () => (t += 1))).toBeGreaterThan(PBKDF2_FLOOR);
    expect(await tuneIterations(300, () => (t += 10_000))).toBe(PBKDF2_FLOOR);
    expect(await tuneIterations()).toBeGreaterThanOrEqual(PBKDF2_FLOOR);
  });
});
