// Pseudonymising identities and masking what identifies people in text, for exported snapshots.

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer, length: number): string {
	return [...new Uint8Array(bytes).slice(0, length)].map(byte => byte.toString(16).padStart(2, '0')).join('');
}

/** A random salt (hex), for snapshots whose customer keys need not match anyone else's. */
export function randomSalt(): string {
	const bytes = new Uint8Array(16);
	globalThis.crypto.getRandomValues(bytes);
	return hex(bytes.buffer, 16);
}

/** Short public fingerprint of a salt, so merges can tell whether two snapshots used the same one. */
export async function saltId(salt: string): Promise<string> {
	return hex(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(`defuse-salt-id:${salt}`)), 4);
}

/**
 * Hashes identities (SHA-256 of salt + value, 128 bits, as 'h:<hex>'), caching repeated values.
 * The same salt gives the same pseudonym on every machine, so merged snapshots still recognise a customer.
 */
export function makeHasher(salt: string): (value: string) => Promise<string> {
	const cache = new Map<string, Promise<string>>();
	return async value => {
		let hashed = cache.get(value);
		if (!hashed) {
			hashed = globalThis.crypto.subtle.digest('SHA-256', encoder.encode(`${salt}\u0000${value}`)).then(digest => `h:${hex(digest, 16)}`);
			cache.set(value, hashed);
		}

		return hashed;
	};
}

const patterns: Array<[RegExp, string]> = [
	[/https?:\/\/\S+|www\.\S+/gi, '[link]'],
	[/\b[A-Z]{2}\d{2}(?:\s?[A-Z\d]{4}){2,7}(?:\s?[A-Z\d]{1,3})?\b/g, '[iban]'],
	[/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
	// Phone numbers: an optional +, then 7+ digits with spaces, dots, dashes or brackets between them.
	[/\+?\(?\d(?:[\s().-]*\d){6,}/g, '[phone]'],
	// Remaining numbers of 4+ digits: order, account, card and ticket numbers.
	[/\d{4,}/g, '[number]'],
];

/** Text with links, e-mail addresses, phone numbers and long numbers replaced by placeholders. Names are not detected. */
export function maskText(text: string): string {
	let masked = text;
	for (const [pattern, replacement] of patterns) {
		masked = masked.replace(pattern, replacement);
	}

	return masked;
}
