import type { SHELLS } from './candidates.js';

/**
 * The completion script of each shell. Each one asks `mcpx __complete <words>` for the
 * candidates of the word being typed, so that commands, flags and the config's server names
 * stay in step with the installed mcpx; with none, the shell completes file names.
 */
export const COMPLETION_SCRIPTS: Record<(typeof SHELLS)[number], string> = {
  bash: `# mcpx completion for bash: add to ~/.bashrc
#   source <(mcpx completion bash)
_mcpx_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(mcpx __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _mcpx_complete mcpx
`,
  zsh: `#compdef mcpx
# mcpx completion for zsh: add to ~/.zshrc (after compinit)
#   source <(mcpx completion zsh)
_mcpx() {
  local -a candidates
  candidates=("\${(@f)$(mcpx __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ -n "\${candidates[1]}" ]]; then
    compadd -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _mcpx mcpx
`,
  fish: `# mcpx completion for fish: save as ~/.config/fish/completions/mcpx.fish
#   mcpx completion fish > ~/.config/fish/completions/mcpx.fish
function __mcpx_complete
    set -l words (commandline -opc)
    set -e words[1]
    mcpx __complete $words (commandline -ct) 2>/dev/null
end
complete -c mcpx -a '(__mcpx_complete)'
`,
};
