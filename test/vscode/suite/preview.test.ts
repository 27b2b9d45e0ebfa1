import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RUNNER_EXCHANGE, screenshot, setTheme, waitForDiagnostics, webviewTexts, workspaceFile } from './helpers';

function previewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.startsWith('Bibliography'));
}

describe('BriefKit bibliography preview in VS Code', () => {
  it('opens a panel beside the brief that follows it', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('sources.md'));
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    await waitForDiagnostics(document.uri, (d) => d.length > 0);
    await vscode.commands.executeCommand('briefkit.showBibliographyPreview');
    const deadline = Date.now() + 10000;
    while (!previewTab() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const tab = previewTab();
    assert.ok(tab, 'no Bibliography panel opened');
    assert.equal(tab.label, 'Bibliography: sources.md');
    assert.equal((tab.input as vscode.TabInputWebview).viewType.endsWith('briefkit.bibliographyPreview'), true);
    // The page shows the rendered entries, with where each is cited and the problems on them.
    let shown: string[] = [];
    for (let attempt = 0; attempt < 50 && !shown.some((text) => text.includes('Okafor, Adaeze')); attempt++) {
      shown = await webviewTexts(`preview-text-${attempt}`);
      if (!RUNNER_EXCHANGE) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (RUNNER_EXCHANGE) {
      const panel = shown.find((text) => text.includes('Okafor, Adaeze'));
      assert.ok(panel, `the panel shows no entries: ${JSON.stringify(shown)}`);
      assert.match(panel, /Okafor, Adaeze\. “Storm Outages and the Rural Grid\.” Energy Policy Review 14, no\. 2 \(2025\): 33–51\./);
      assert.match(panel, /Cited at @okafor2025 \(line 7\)/);
      assert.match(panel, /3 works, 2 with problems/);
    }
    await setTheme('Default Light Modern');
    await screenshot('preview-light');
    await setTheme('Default Dark Modern');
    await screenshot('preview-dark');
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  it('copies, exports and writes the bibliography; writing is one undoable edit', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('sources.md'));
    const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    await waitForDiagnostics(document.uri, (d) => d.length > 0);
    const original = document.getText();

    const copied = await vscode.commands.executeCommand('briefkit.copyBibliography', 'text', document.uri.toString());
    assert.equal(copied, 'Copied 3 entries as Plain text (Chicago notes-bibliography).');
    assert.equal(
      await vscode.env.clipboard.readText(),
      'Baker, Lee. “Canals.” Water Press, 2019.\nOkafor, Adaeze. “Storm Outages and the Rural Grid.” Energy Policy Review 14, no. 2 (2025): 33–51. https://doi.org/10.5555/epr.2025.014.\nRoe, Rick. “Wells and Pumps.” Water Press, 2021.\n',
    );

    const target = workspaceFile('exported.json');
    const exported = await vscode.commands.executeCommand('briefkit.exportBibliography', 'csl-json', document.uri.toString(), target);
    assert.equal(exported, 'Saved 3 entries to exported.json.');
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as Array<{ id: string }>;
    assert.deepEqual(items.map((item) => item.id).sort(), ['entry-1', 'entry-2', 'okafor2025']);

    const written = await vscode.commands.executeCommand('briefkit.writeBibliographySection', document.uri.toString());
    assert.equal(written, 'Wrote 3 of 3 entries in Chicago notes-bibliography.');
    assert.equal(
      document.getText(),
      original.replace(
        /- Roe[^\n]*\n- Baker[^\n]*/,
        '- Baker, Lee. “Canals.” *Water Press*, 2019.\n- Okafor, Adaeze. “Storm Outages and the Rural Grid.” *Energy Policy Review* 14, no. 2 (2025): 33–51. https://doi.org/10.5555/epr.2025.014.\n- Roe, Rick. “Wells and Pumps.” *Water Press*, 2021.',
      ),
    );
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });
});
