// Helpers Composer copies into every project (abridged): not SCXML, not linted.
function storeEvent(block, event) { system.LastEvent = event; }
function storeException(block, event) { system.LastErrorEvent = event; system.LastErrorEventName = event.name; }
