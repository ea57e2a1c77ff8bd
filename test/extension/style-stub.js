// CSS imports are webpack's business; under jest they import as nothing.
module.exports = {};
