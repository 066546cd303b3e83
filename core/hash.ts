import type {TicketSnapshot} from './model.ts';

/** A fast, deterministic 53-bit string hash (cyrb53-style mixing), as 14 hex digits. Not cryptographic. */
export function hashString(text: string, seed = 0): string {
	let h1 = 0xde_ad_be_ef ^ seed;
	let h2 = 0x41_c6_ce_57 ^ seed;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		h1 = Math.imul(h1 ^ code, 2_654_435_761);
		h2 = Math.imul(h2 ^ code, 1_597_334_677);
	}

	h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
	const value = 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
	return value.toString(16).padStart(14, '0');
}

/** Hash of what a snapshot says, not of when it was seen: equal for the same ticket content. */
export function contentHashOf(snapshot: TicketSnapshot): string {
	return hashString(
		JSON.stringify([
			snapshot.subject ?? '',
			snapshot.status ?? '',
			snapshot.priority ?? '',
			snapshot.assignee ?? '',
			snapshot.group ?? '',
			snapshot.tags ?? [],
			snapshot.messages.map(message => [message.role, message.internal === true, message.at ?? '', message.text]),
		]),
	);
}
