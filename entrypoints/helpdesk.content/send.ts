// The page's one line to the background: requests typed by core/protocol.ts, answers typed by request.
import {browser} from '#imports';
import {backgroundSender} from '../../core/protocol.ts';

export const send = backgroundSender(async request => browser.runtime.sendMessage(request));
