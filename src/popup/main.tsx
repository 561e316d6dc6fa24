import { render } from 'preact';

render(<main>Seller Auth</main>, document.getElementById('app')!);
