import { describe, expect, it } from 'vitest';
import { Dispatcher, type NotificationHandler } from './dispatch.js';

function makeDispatcher(): { dispatcher: Dispatcher; errors: Error[] } {
  const errors: Error[] = [];
  return {
    dispatcher: new Dispatcher(
      () => undefined,
      (error) => errors.push(error),
    ),
    errors,
  };
}

const notify = (dispatcher: Dispatcher, method: string): void => dispatcher.handleNotification({ jsonrpc: '2.0', method });

describe('notification listeners changed while a notification is dispatched', () => {
  it.each([1, 2])('call a listener added meanwhile from the next notification on, with %i listener(s) before', (before) => {
    const { dispatcher } = makeDispatcher();
    const calls: string[] = [];
    const late: NotificationHandler = () => calls.push('late');
    let added = false;
    dispatcher.onNotification('m', () => {
      calls.push('first');
      if (!added) dispatcher.onNotification('m', late);
      added = true;
    });
    if (before === 2) dispatcher.onNotification('m', () => calls.push('second'));
    notify(dispatcher, 'm');
    expect(calls).toEqual(before === 2 ? ['first', 'second'] : ['first']);
    calls.length = 0;
    notify(dispatcher, 'm');
    expect(calls).toEqual(before === 2 ? ['first', 'second', 'late'] : ['first', 'late']);
  });

  it('do not call a listener an earlier one removed meanwhile', () => {
    const { dispatcher } = makeDispatcher();
    const calls: string[] = [];
    let removeSecond = (): void => undefined;
    dispatcher.onNotification('m', () => {
      calls.push('first');
      removeSecond();
    });
    removeSecond = dispatcher.onNotification('m', () => calls.push('second'));
    dispatcher.onNotification('m', () => calls.push('third'));
    notify(dispatcher, 'm');
    expect(calls).toEqual(['first', 'third']);
  });

  it('do not call a listener removed after another was added in the same dispatch', () => {
    const { dispatcher } = makeDispatcher();
    const calls: string[] = [];
    let removeSecond = (): void => undefined;
    dispatcher.onNotification('m', () => {
      calls.push('first');
      dispatcher.onNotification('m', () => calls.push('added'));
      removeSecond();
    });
    removeSecond = dispatcher.onNotification('m', () => calls.push('second'));
    notify(dispatcher, 'm');
    expect(calls).toEqual(['first']);
  });

  it('call a catch-all listener added meanwhile by a listener of the method from the next notification on', () => {
    const { dispatcher } = makeDispatcher();
    const calls: string[] = [];
    let added = false;
    dispatcher.onNotification('m', () => {
      calls.push('own');
      if (!added) dispatcher.onNotification('*', () => calls.push('any'));
      added = true;
    });
    notify(dispatcher, 'm');
    expect(calls).toEqual(['own']);
    notify(dispatcher, 'm');
    expect(calls).toEqual(['own', 'own', 'any']);
  });
});

describe('notification listeners', () => {
  it('take a function added twice once, and out with one remover', () => {
    const { dispatcher } = makeDispatcher();
    const calls: string[] = [];
    const listener: NotificationHandler = () => calls.push('x');
    const remove = dispatcher.onNotification('m', listener);
    dispatcher.onNotification('m', listener);
    notify(dispatcher, 'm');
    remove();
    notify(dispatcher, 'm');
    expect(calls).toEqual(['x']);
  });

  it("call the catch-all listeners once for a notification whose method is '*'", () => {
    const { dispatcher } = makeDispatcher();
    const calls: string[] = [];
    dispatcher.onNotification('*', (_params, method) => calls.push(method));
    notify(dispatcher, '*');
    notify(dispatcher, 'other');
    expect(calls).toEqual(['*', 'other']);
  });

  it('report a listener that throws and go on with the others', () => {
    const { dispatcher, errors } = makeDispatcher();
    const calls: string[] = [];
    dispatcher.onNotification('m', () => {
      throw new Error('broke');
    });
    dispatcher.onNotification('m', () => calls.push('second'));
    notify(dispatcher, 'm');
    expect(calls).toEqual(['second']);
    expect(errors.map((error) => error.message)).toEqual(['broke']);
  });
});
