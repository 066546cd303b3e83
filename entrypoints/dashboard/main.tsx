import {render} from 'preact';
import {App} from '../../dashboard/app.tsx';
import {openDb} from '../../core/store/db.ts';
import '../../dashboard/app.css';

// The extension's own IndexedDB: the dashboard reads what the background stored.
render(<App db={openDb()} />, document.querySelector('#app')!);
