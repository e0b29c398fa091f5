import { describe, expect, it } from 'vitest';
import { keyedQueue } from './keyed-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('keyedQueue', () => {
  it('runs tasks of one key one after another, in order', async () => {
    const queue = keyedQueue();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run('w', task('a')), queue.run('w', task('b')), queue.run('w', task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets different keys overlap', async () => {
    const queue = keyedQueue();
    const events: string[] = [];
    await Promise.all([
      queue.run('x', async () => {
        events.push('x start');
        await tick();
        events.push('x end');
      }),
      queue.run('y', async () => {
        events.push('y start');
      }),
    ]);
    expect(events.indexOf('y start')).toBeLessThan(events.indexOf('x end'));
  });

  it('keeps going after a task fails, and reports the failure to its caller', async () => {
    const queue = keyedQueue();
    const failed = queue.run('w', async () => {
      throw new Error('boom');
    });
    const next = queue.run('w', async () => 'still runs');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('still runs');
  });
});
