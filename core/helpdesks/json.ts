// Reading the helpdesks' own API answers (Chatwoot, Zammad): untrusted JSON, checked value by value.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty trimmed string, or a finite number as a string; undefined for anything else. */
export function stringOf(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return value.trim() === '' ? undefined : value.trim();
	}

	return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
