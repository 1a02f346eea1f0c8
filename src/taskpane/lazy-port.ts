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
  let pending: Promise<WorkbookPort> | undefined;
  const get = (): Promise<WorkbookPort> => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
  const forward =
    (name: string) =>
    async (...args: unknown[]): Promise<unknown> => {
      const port = (await get()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const method = port[name];
      if (typeof method !== "function") throw new TypeError(`the workbook adapter has no operation "${name}"`);
      return method.apply(port, args);
    };
  return new Proxy({ preload: get } as WorkbookPort & { preload(): Promise<WorkbookPort> }, {
    get(target, prop, receiver) {
      if (prop === "preload" || typeof prop !== "string") return Reflect.get(target, prop, receiver);
      // Not a thenable: `await lazyPort(...)` must not treat the proxy as a promise.
      if (prop === "then") return undefined;
      return forward(prop);
    },
  });
}
