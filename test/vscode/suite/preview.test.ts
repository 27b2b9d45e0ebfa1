import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot, setTheme, waitForDiagnostics, workspaceFile } from './helpers';

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
    await setTheme('Default Light Modern');
    await screenshot('preview-light');
    await setTheme('Default Dark Modern');
    await screenshot('preview-dark');
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });
});
