import { describe, expect, it } from 'vitest';

import { ByteBudget } from '@/lib/server/byte-budget';

/** A job that runs until `finish` is called, recording when it started. */
function job(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: () => {
      log.push(name);
      return done;
    },
    finish,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ByteBudget', () => {
  it('runs jobs together while their shares fit, and the next once enough is given back', async () => {
    const budget = new ByteBudget(100);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => job(log, name));
    const running = [budget.use(60, a!.run), budget.use(40, b!.run), budget.use(30, c!.run)];
    await settle();
    expect(log).toEqual(['a', 'b']);
    expect(budget.held).toBe(100);
    b!.finish();
    await settle();
    expect(log).toEqual(['a', 'b', 'c']);
    expect(budget.held).toBe(90);
    a!.finish();
    c!.finish();
    await Promise.all(running);
    expect(budget.held).toBe(0);
  });

  it('keeps its order: a small job does not overtake a large one waiting', async () => {
    const budget = new ByteBudget(100);
    const log: string[] = [];
    const [a, big, small] = ['a', 'big', 'small'].map((name) => job(log, name));
    const running = [budget.use(50, a!.run), budget.use(80, big!.run), budget.use(10, small!.run)];
    await settle();
    expect(log).toEqual(['a']);
    a!.finish();
    await settle();
    expect(log).toEqual(['a', 'big', 'small']);
    big!.finish();
    small!.finish();
    await Promise.all(running);
  });

  it('runs a job larger than the whole budget alone, and a job of 0 bytes at once', async () => {
    const budget = new ByteBudget(100);
    const log: string[] = [];
    const [huge, other, free] = ['huge', 'other', 'free'].map((name) => job(log, name));
    const running = [budget.use(500, huge!.run), budget.use(1, other!.run), budget.use(0, free!.run)];
    await settle();
    expect([...log].sort()).toEqual(['free', 'huge']);
    huge!.finish();
    await settle();
    expect(log.at(-1)).toBe('other');
    other!.finish();
    free!.finish();
    await Promise.all(running);
  });

  it('gives the share back when the job fails', async () => {
    const budget = new ByteBudget(100);
    await expect(budget.use(100, () => Promise.reject(new Error('decode failed')))).rejects.toThrow('decode failed');
    expect(budget.held).toBe(0);
    await expect(budget.use(100, () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
