# bash completion for sessionlens-cli
_sessionlens_cli()
{
    local cur prev words cword
    _init_completion || return
    local commands="decode seal sign stats convert crack capture proxy import watch audit key help"
    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        return
    fi
    case $prev in
        --key-file|--secret-file|--cookie-file|--cookie-jar|-c|-b|--wordlist|--data-file|--baseline)
            _filedir
            return ;;
        --format)
            COMPREPLY=($(compgen -W "tree json python jsonl text csv hex base64" -- "$cur"))
            return ;;
        --compress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --to)
            COMPREPLY=($(compgen -W "encrypted signed" -- "$cur"))
            return ;;
        --digest)
            COMPREPLY=($(compgen -W "sha1 sha256 sha512" -- "$cur"))
            return ;;
    esac
    if [[ ${words[1]} == key && $cword -eq 2 ]]; then
        COMPREPLY=($(compgen -W "list add remove rename export inspect generate" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local options="--key --key-file --secret --secret-file --no-ring --with --format --help"
        case ${words[1]} in
            capture)
                options+=" -X --method -H --header -d --data --data-file --json -b --cookie -c --cookie-jar"
                options+=" --cookie-file --cookie-name"
                options+=" --max-redirects --insecure-host --timeout --max-time --body" ;;
            proxy)
                options+=" --listen --upstream --cookie --cookie-file --cookie-name" ;;
        esac
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    _filedir
}
complete -F _sessionlens_cli sessionlens-cli
