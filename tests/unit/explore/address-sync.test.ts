import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddressSync } from '../../../src/lib/explore/address-sync';

afterEach(() => {
  vi.useRealTimers();
});

describe('AddressSync', () => {
  it('writes a change that needs no query at once, one that does after its answer or a second', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const address = new AddressSync((href) => written.push(href));
    address.changed('/explore?view=bars', true);
    expect(written).toEqual(['/explore?view=bars']);
    address.changed('/explore?geo=RO', false);
    expect(address.ahead).toBe(true);
    address.follow();
    expect(written).toEqual(['/explore?view=bars', '/explore?geo=RO']);
    address.changed('/explore?geo=NO', false);
    vi.advanceTimersByTime(1000);
    expect(written.at(-1)).toBe('/explore?geo=NO');
    expect(address.ahead).toBe(false);
  });

  it('gives each change its own entry, and drops one that back or forward overtook', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const address = new AddressSync((href) => written.push(href));
    address.changed('/explore?geo=RO', false);
    address.changed('/explore?geo=NO', false);
    expect(written).toEqual(['/explore?geo=RO']);
    address.drop();
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['/explore?geo=RO']);
  });
});
