// A minimal agent desktop written only against the amazon-connect-streams API: the connection
// list, the call controls and a quick-connect picker. It knows nothing about the simulator:
// point `ccpUrl` at a real instance's CCP or at the simulator's, and it works the same.
/* global connect */
(() => {
  const $ = (id) => document.getElementById(id);
  const ccpUrl =
    new URLSearchParams(window.location.search).get('ccpUrl') || 'https://example.my.connect.aws/ccp-v2/';

  connect.core.initCCP($('ccp'), {
    ccpUrl,
    loginPopup: false,
    softphone: { allowFramedSoftphone: false },
  });

  let agent = null;
  let endpoints = [];

  /** The callbacks of every request: a failure shows the CCP's error (with the rule ID). */
  const callbacks = (what) => ({
    success: () => {
      $('message').textContent = '';
    },
    failure: (err) => {
      let text = String(err);
      try {
        const parsed = JSON.parse(err);
        text = parsed.message || text;
      } catch {
        // not JSON: show as is
      }
      $('message').textContent = `${what} failed: ${text}`;
    },
  });

  const contact = () => (agent ? agent.getContacts(connect.ContactType.VOICE)[0] || null : null);

  function render() {
    const state = agent.getState();
    $('agent-name').textContent = agent.getName();
    $('agent-state').textContent = state.name;
    const c = contact();
    $('contact-state').textContent = c ? `${c.getState().type} (${c.getContactId()})` : 'none';
    const rows = $('connections');
    rows.replaceChildren();
    if (!c) return;
    for (const conn of c.getConnections()) {
      if (conn.getType() === connect.ConnectionType.AGENT) continue;
      const endpoint = conn.getEndpoint();
      const row = document.createElement('tr');
      row.className = 'row';
      const cells = [
        endpoint.name || endpoint.phoneNumber || '?',
        conn.isInitialConnection() ? 'customer' : conn.getType(),
        conn.getState().type,
        conn.isMute() ? 'yes' : 'no',
      ];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        row.append(td);
      }
      const actions = document.createElement('td');
      const button = (label, run) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.addEventListener('click', run);
        actions.append(b);
      };
      const name = cells[0];
      if (conn.isOnHold()) button('Resume', () => conn.resume(callbacks(`Resume ${name}`)));
      else button('Hold', () => conn.hold(callbacks(`Hold ${name}`)));
      if (conn.isMute()) button('Unmute', () => conn.unmuteParticipant(callbacks(`Unmute ${name}`)));
      else button('Mute', () => conn.muteParticipant(callbacks(`Mute ${name}`)));
      button('Hang up', () => conn.destroy(callbacks(`Hang up ${name}`)));
      row.append(actions);
      rows.append(row);
    }
  }

  function loadQuickConnects() {
    agent.getEndpoints(agent.getAllQueueARNs(), {
      success: (data) => {
        endpoints = data.endpoints;
        $('quick-connects').replaceChildren(
          ...endpoints.map((endpoint, index) => {
            const option = document.createElement('option');
            option.value = String(index);
            option.textContent = endpoint.name;
            return option;
          }),
        );
      },
      failure: callbacks('Loading quick connects').failure,
    });
  }

  const onContact = (run) => () => {
    const c = contact();
    if (c) run(c);
    else $('message').textContent = 'No contact';
  };

  $('accept').addEventListener(
    'click',
    onContact((c) => c.accept(callbacks('Accept'))),
  );
  $('swap').addEventListener(
    'click',
    onContact((c) => c.toggleActiveConnections(callbacks('Swap'))),
  );
  $('join').addEventListener(
    'click',
    onContact((c) => c.conferenceConnections(callbacks('Join'))),
  );
  $('hold-all').addEventListener(
    'click',
    onContact((c) => {
      for (const conn of c.getThirdPartyConnections().concat(c.getInitialConnection() || [])) {
        if (conn.isConnected() && !conn.isOnHold()) conn.hold(callbacks('Hold all'));
      }
    }),
  );
  $('mute-me').addEventListener('click', () => agent.mute());
  $('unmute-me').addEventListener('click', () => agent.unmute());
  $('leave').addEventListener(
    'click',
    onContact((c) => c.getAgentConnection().destroy(callbacks('Leave'))),
  );
  $('clear').addEventListener(
    'click',
    onContact((c) => c.clear(callbacks('Clear'))),
  );
  $('add-quick-connect').addEventListener(
    'click',
    onContact((c) => {
      const endpoint = endpoints[Number($('quick-connects').value)];
      if (endpoint) c.addConnection(endpoint, callbacks(`Add ${endpoint.name}`));
    }),
  );
  $('dial').addEventListener(
    'click',
    onContact((c) => {
      const number = $('number').value.trim();
      c.addConnection(connect.Endpoint.byPhoneNumber(number), callbacks(`Dial ${number}`));
    }),
  );
  $('send-digits').addEventListener(
    'click',
    onContact((c) => c.getAgentConnection().sendDigits($('digits').value, callbacks('Send digits'))),
  );

  connect.agent((a) => {
    agent = a;
    agent.onRefresh(render);
    loadQuickConnects();
    render();
  });
})();
