// Tests only: happy-dom has no 2D canvas, so uPlot (which runs for real in the tests) draws into a
// stand-in that counts each drawing call.
import {vi} from 'vitest';

export type DrawCalls = Map<string, number>;

function recorder(calls: DrawCalls): object {
	const state: Record<string | symbol, unknown> = {};
	return new Proxy(state, {
		get(target, key) {
			if (key in target) {
				return target[key];
			}

			if (key === 'measureText') {
				return (text: string) => ({width: text.length * 6});
			}

			return (..._args: unknown[]) => {
				calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
				return undefined;
			};
		},
		set(target, key, value) {
			target[key] = value;
			return true;
		},
	});
}

/** Installs the stand-in canvas; undo with vi.restoreAllMocks() and vi.unstubAllGlobals(). */
export function stubCanvas(): DrawCalls {
	const calls: DrawCalls = new Map();
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => recorder(calls)) as never);
	vi.stubGlobal(
		'Path2D',
		class {
			moveTo() {}
			lineTo() {}
			rect() {}
			arc() {}
			closePath() {}
			bezierCurveTo() {}
			quadraticCurveTo() {}
			addPath() {}
		},
	);
	return calls;
}
