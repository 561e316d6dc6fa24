import { render } from 'preact';

render(<main>Seller Auth settings</main>, document.getElementById('app')!);
