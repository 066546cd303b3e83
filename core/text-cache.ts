/**
 * Values computed from a message's text, remembered for the most recent texts (the oldest is forgotten
 * first). The overlay re-assesses the same thread on every change, so most texts come back unchanged.
 */
export function textCache<T>(size: number): {get(text: string): T | undefined; set(text: string, value: T): void; clear(): void} {
	const entries = new Map<string, T>();
	return {
		get: text => entries.get(text),
		set(text, value) {
			if (entries.size >= size) {
				entries.delete(entries.keys().next().value!);
			}

			entries.set(text, value);
		},
		clear: () => {
			entries.clear();
		},
	};
}
