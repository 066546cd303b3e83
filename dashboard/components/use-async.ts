import {useEffect, useState} from 'preact/hooks';

export type AsyncState<T> = {status: 'loading'} | {status: 'done'; value: T} | {status: 'error'; error: string};

/** Runs `load` whenever `deps` change; a stale answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
	const [state, setState] = useState<AsyncState<T>>({status: 'loading'});
	useEffect(() => {
		let current = true;
		setState({status: 'loading'});
		load().then(
			value => {
				if (current) {
					setState({status: 'done', value});
				}
			},
			(error: unknown) => {
				if (current) {
					setState({status: 'error', error: error instanceof Error ? error.message : String(error)});
				}
			},
		);
		return () => {
			current = false;
		};
	}, deps);
	return state;
}
