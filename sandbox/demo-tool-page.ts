/**
 * A small demo seller tool, served at /demo-tool: a web page that, once its origin is added in Seller
 * Auth's "Connected tools", asks for access, lists the shops it was given, and shows a shop's orders
 * through Seller Auth's signed proxy. It speaks the page protocol of docs/tools-api.md by hand (no build
 * step), and builds every line with textContent: shop names are data.
 */
export const DEMO_TOOL_PATH = '/demo-tool';

export function demoToolPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo seller tool</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
button { padding: .4rem 1rem; font: inherit; cursor: pointer; }
table { border-collapse: collapse; margin-top: 1rem; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
[role="status"] { color: #555; }
</style>
</head>
<body>
<main>
<h1>Demo seller tool</h1>
<p>This page uses shops connected in Seller Auth, with the seller's consent.</p>
<button type="button" id="connect">Ask Seller Auth for access</button>
<p role="status" id="status">Not connected yet.</p>
<ul id="shops" aria-label="Shops"></ul>
<div id="orders"></div>
</main>
<script>
function ask(type, payload) {
  return new Promise(function (resolve, reject) {
    var channel = new MessageChannel();
    var timer = setTimeout(function () { reject(new Error('Seller Auth did not answer: is this page added in its settings?')); }, 600000);
    channel.port1.onmessage = function (event) {
      clearTimeout(timer);
      var reply = event.data;
      if (reply && reply.ok) resolve(reply.value);
      else reject(new Error(reply && reply.error ? reply.error.code + ': ' + reply.error.message : 'no answer'));
    };
    window.postMessage({ sellerAuth: 'seller-auth:request', type: type, payload: payload }, location.origin, [channel.port2]);
  });
}
var statusLine = document.getElementById('status');
function say(text) { statusLine.textContent = text; }
function showShops(shops) {
  var list = document.getElementById('shops');
  list.replaceChildren();
  shops.forEach(function (shop) {
    var item = document.createElement('li');
    item.textContent = shop.name + ' (' + shop.platform + ' ' + shop.country.toUpperCase() + ', ' + shop.health + ') ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Show orders of ' + shop.name;
    button.onclick = function () { showOrders(shop); };
    item.append(button);
    list.append(item);
  });
  say(shops.length + ' shop' + (shops.length === 1 ? '' : 's') + ' shared with this tool.');
}
function showOrders(shop) {
  say('Asking for the orders of ' + shop.name + '…');
  ask('tools.call', { shopId: shop.id, apiPath: '/orders/get', params: { created_after: '2025-01-01T00:00:00+08:00' } })
    .then(function (answer) {
      var table = document.createElement('table');
      var caption = table.createCaption();
      caption.textContent = 'Orders of ' + shop.name;
      var head = table.createTHead().insertRow();
      ['Order', 'Item', 'Price', 'Status'].forEach(function (name) {
        var cell = document.createElement('th');
        cell.textContent = name;
        head.append(cell);
      });
      var body = table.createTBody();
      answer.data.orders.forEach(function (order) {
        var row = body.insertRow();
        [order.order_number, order.item, order.price, order.statuses.join(', ')].forEach(function (value) {
          row.insertCell().textContent = String(value);
        });
      });
      document.getElementById('orders').replaceChildren(table);
      say(answer.data.count + ' orders of ' + shop.name + '.');
    })
    .catch(function (error) { say(error.message); });
}
document.getElementById('connect').onclick = function () {
  say('Waiting for the seller in the Seller Auth window…');
  ask('tools.requestAccess', { mode: 'proxy' })
    .then(function (granted) { showShops(granted.shops); })
    .catch(function (error) { say(error.message); });
};
ask('tools.listShops').then(showShops, function () {});
</script>
</body>
</html>`;
}
