import {useEffect, useState} from 'preact/hooks';
import type {Scheme} from '../charts/options.ts';

const query = '(prefers-color-scheme: dark)';

/** The page's colour scheme, following the system setting as it changes. */
export function useColorScheme(): Scheme {
	const media = typeof matchMedia === 'function' ? matchMedia(query) : undefined;
	const [dark, setDark] = useState(media?.matches ?? false);
	useEffect(() => {
		if (!media) {
			return undefined;
		}

		const listener = (event: MediaQueryListEvent) => setDark(event.matches);
		media.addEventListener('change', listener);
		return () => media.removeEventListener('change', listener);
	}, []);
	return dark ? 'dark' : 'light';
}
