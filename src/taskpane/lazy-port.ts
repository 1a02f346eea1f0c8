import type { WorkbookPort } from "../app/port";

/**
 * A port whose adapter is loaded on demand (a separate chunk), so the task pane's first paint
 * does not wait for the adapter and what it pulls in (header recognition, Chinese conversion).
 * The first call — or `preload()`, which the pane calls right after rendering — starts the load;
 * a failed load is reported by every call and retried by the next one.
 *
 * Every port method is forwarded generically (a Proxy), so a method added to the port needs no
 * change here.
 */
export function lazyPort(load: () => Promise<WorkbookPort>): WorkbookPort & { preload(): Promise<WorkbookPort> } {
  return lazyObject(load, "the workbook adapter");
}

/**
 * An object of async methods loaded on demand (`lazyPort`, the pane's check runner): every method
 * call waits for the load and is forwarded; a failed load is retried by the next call. `what`
 * names the object in the error for a method it lacks.
 */
export function lazyObject<T extends object>(load: () => Promise<T>, what: string): T & { preload(): Promise<T> } {
  let pending: Promise<T> | undefined;
  const get = (): Promise<T> => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
  const forward =
    (name: string) =>
    async (...args: unknown[]): Promise<unknown> => {
      const target = (await get()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const method = target[name];
      if (typeof method !== "function") throw new TypeError(`${what} has no operation "${name}"`);
      return method.apply(target, args);
    };
  return new Proxy({ preload: get } as T & { preload(): Promise<T> }, {
    get(target, prop, receiver) {
      if (prop === "preload" || typeof prop !== "string") return Reflect.get(target, prop, receiver);
      // Not a thenable: `await lazyPort(...)` must not treat the proxy as a promise.
      if (prop === "then") return undefined;
      return forward(prop);
    },
  });
}
