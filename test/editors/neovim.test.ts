import { strict as assert } from 'node:assert';
import { readmeBlock, runEditor } from './editorSetup';

/**
 * Drives the server from headless Neovim (Debian 12's 0.7.2) with the README's 0.7–0.9 set-up,
 * through `briefkit lsp --stdio`, with the README's settings changed to switch claims off.
 * The script records what Neovim received; the assertions are here.
 */
const DRIVER = `
local out = {}
local function wait(what, predicate)
  if not vim.wait(15000, predicate, 50) then out.timeout = what end
end
local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, string.format('%s@%d:%d', code, d.lnum, d.col))
  end
  table.sort(list)
  return list
end
local function request(method, params)
  local responses = vim.lsp.buf_request_sync(0, method, params, 10000) or {}
  for _, response in pairs(responses) do return response.result end
end
local function labels(result)
  local list = {}
  for _, item in ipairs((result and (result.items or result)) or {}) do table.insert(list, item.label) end
  return list
end
local uri = vim.uri_from_bufnr(0)
vim.cmd('edit ' .. vim.fn.fnameescape(BRIEF))
uri = vim.uri_from_bufnr(0)
wait('diagnostics', function() return #vim.diagnostic.get(0) > 0 end)
out.diagnostics = codes()
out.hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 4, character = 14 } })
local rename = request('textDocument/rename', { textDocument = { uri = uri }, position = { line = 4, character = 14 }, newName = 'reuters' })
out.renameEdits = {}
for _, change in ipairs((rename and rename.documentChanges) or {}) do
  for _, edit in ipairs(change.edits) do table.insert(out.renameEdits, edit.newText) end
end
local actions = request('textDocument/codeAction', {
  textDocument = { uri = uri },
  range = { start = { line = 4, character = 31 }, ['end'] = { line = 4, character = 38 } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, 4) },
})
out.actions = {}
for _, action in ipairs(actions or {}) do table.insert(out.actions, action.title) end
-- Incremental edits, as typed: a note marker, then a citation.
local line = vim.api.nvim_buf_get_lines(0, 4, 5, true)[1]
vim.api.nvim_buf_set_text(0, 4, #line, 4, #line, { ' More[^' })
out.footnoteCompletion = labels(request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 4, character = #line + 7 } }))
line = vim.api.nvim_buf_get_lines(0, 4, 5, true)[1]
vim.api.nvim_buf_set_text(0, 4, #line, 4, #line, { 'zz] See [@' })
out.citationCompletion = labels(request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 4, character = #line + 10 } }))
wait('diagnostics after the edit', function() return vim.tbl_contains(codes(), 'footnote.undefined@4:76') end)
out.diagnosticsAfterEdit = codes()
local file = io.open(OUT, 'w')
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd('qa!')
`;

describe('Neovim 0.7 (headless) with the README set-up', function () {
  this.timeout(60000);

  it('shows diagnostics and answers hover, rename, code actions and completion after [^ and [@, with pushed settings', function () {
    const setup = readmeBlock('-- BriefKit for Neovim 0.7-0.9').replace('claims = { enabled = true }', 'claims = { enabled = false }');
    const result = runEditor(
      'init.lua',
      ({ brief, out }) => `${setup}\nBRIEF = ${JSON.stringify(brief)}\nOUT = ${JSON.stringify(out)}\n${DRIVER}`,
      (init) => ['nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${init}`]],
    );
    // No claim.uncited for "Exports fell 12 percent in 2023.": the pushed setting switched claims off.
    assert.deepEqual(result.diagnostics, ['footnote.undefined@4:31']);
    assert.match((result.hover as { contents: { value: string } }).contents.value, /Reuters, 2024\./);
    assert.deepEqual(result.renameEdits, ['reuters', 'reuters']);
    assert.deepEqual(result.actions, ['Add a note for [^gone]']);
    assert.deepEqual(result.footnoteCompletion, ['New footnote [^2]', '[^1]']);
    assert.deepEqual(result.citationCompletion, ['okafor2025']);
    assert.deepEqual(result.diagnosticsAfterEdit, ['footnote.undefined@4:31', 'footnote.undefined@4:76']);
  });
});
