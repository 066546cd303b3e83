// The page's handle on the metrics worker. Every call is asynchronous; callbacks (progress) cross the
// worker boundary only when wrapped with `callback()`.
import type {Remote} from 'comlink';
import {proxy, releaseProxy, wrap} from 'comlink';
import type {Session} from './session/session.ts';

export type MetricsClient = Remote<Session>;

/** Starts the worker. `dispose()` ends it. */
export function createMetricsClient(): {client: MetricsClient; dispose: () => void} {
	const worker = new Worker(new URL('./session/metrics.worker.ts', import.meta.url), {type: 'module'});
	const client = wrap<Session>(worker);
	return {
		client,
		dispose() {
			client[releaseProxy]();
			worker.terminate();
		},
	};
}

/** A function the worker may call back (progress reports). Harmless when the session runs in the page. */
export function callback<T extends (...args: never[]) => void>(fn: T): T {
	return proxy(fn);
}

/** The session running in this thread, typed as the worker's client (tests, and a fallback). */
export function inProcessClient(session: Session): MetricsClient {
	return session as unknown as MetricsClient;
}
