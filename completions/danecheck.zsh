#compdef danecheck

__danecheck_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__danecheck_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __danecheck_complete "${completions[@]:0:-1}"
    fi
}

__danecheck_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_danecheck() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'domain:Show a domain'\''s MX hosts, their addresses and TLSA records, with DNSSEC status.'
            'probe:Connect to an MX host over SMTP, do STARTTLS, and verify its certificate against its TLSA records.'
            'check:Say what an RFC 7672 MTA would do with mail for each domain, in one line, with an exit code for CI.'
            'summary:Merge check --jsonl outputs (the shards of one batch) into the summary one run prints.'
            'chain:Show the DNSSEC chain of trust from the trust anchor down to one RRset, validated here.'
            'tlsa:TLSA records for operators: create them from a chain or a live server; verify a chain against them before deploying it.'
            'tlsrpt:SMTP TLS reports (RFC 8460): read what senders saw, and check it against today.'
            'exporter:Run the Prometheus exporter: the program danecheck-exporter, with these arguments (see danecheck-exporter --help).'
            'console:Interactive console: the same commands, one TTL-honouring cache, history and completion.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        domain|probe|check|summary|chain|tlsa|tlsrpt|exporter|console|help)
            "_danecheck_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_danecheck_domain() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___format=('dot' 'svg' 'png')
    local -ar ___key_types=('default' 'all')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        ':domain:'
        '--probe[Probe every address of every MX host with STARTTLS and give verdicts (fills the con/dlv columns).]'
        '--authoritative[Ask every nameserver of the zones holding the MX and TLSA RRsets directly (RD=0) and show who serves another serial, other RRsets or expired signatures.]'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--format[Print a graph instead of text\: dot (Graphviz DOT), or svg or png drawn by Graphviz'\''s dot (Debian\: graphviz).]:dot|svg|png:{__danecheck_complete "${___format[@]}"}'
        '--ehlo[Name to send with EHLO when probing (default\: this machine'\''s host name).]:name:'
        '--key-types[Which of the server'\''s certificates to judge\: '\''default'\'' (the one a stock OpenSSL client gets) or '\''all'\'' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.]:default|all:{__danecheck_complete "${___key_types[@]}"}'
        '--ca-file[CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default\: the system store).]:file:'
        '--mta-sts-cname-max-depth[How many CNAMEs may lead to the _mta-sts TXT record (Momentum'\''s mta_sts_dns_cname_max_depth); more is no policy.]:count:'
        '--warn-days[Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).]:days:'
        '--public-ca-file[CA file whose CAs count as public for the DANE-TA-only warning (default\: the system'\''s CA store).]:file:'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_probe() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___key_types=('default' 'all')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        ':host:'
        '--address[Probe only this address.]:ip:'
        '*--tlsa[A TLSA record to verify against instead of DNS, "U S M HEX" (repeatable).]:record:'
        '--tlsa-file[A file of TLSA records, one per line ("U S M HEX" or zone-file lines).]:file:'
        '-4[Probe IPv4 addresses only.]'
        '-6[Probe IPv6 addresses only.]'
        '--show-chain[Print each certificate of the peer chain as PEM too (posttls-finger -C).]'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--port[TCP port of the SMTP server to connect to.]:port:'
        '--ehlo[Name to send with EHLO when probing (default\: this machine'\''s host name).]:name:'
        '--key-types[Which of the server'\''s certificates to judge\: '\''default'\'' (the one a stock OpenSSL client gets) or '\''all'\'' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.]:default|all:{__danecheck_complete "${___key_types[@]}"}'
        '--warn-days[Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).]:days:'
        '--public-ca-file[CA file whose CAs count as public for the DANE-TA-only warning (default\: the system'\''s CA store).]:file:'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_check() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___key_types=('default' 'all')
    local -ar ___tls=('ifavailable' 'required' 'disabled')
    local -ar ___tls_verify=('none' 'ca' 'host')
    local -ar ___insecure_mx=('may' 'dane')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        '*:domain:'
        '--file[Read domains from a file, one per line (# comments); - reads stdin.]:file:'
        '--concurrency[How many domains are checked at once (1-1000).]:concurrency:'
        '--shard[Check only shard K (from 1) of N\: the domains whose stable hash (of the lower-cased A-label name, whatever the input order) falls in it. N runs with K = 1..N check every domain once; `danecheck summary` merges their --jsonl outputs.]:K/N:'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--jsonl[Print one JSON object per line, per domain, in the order domains finish (each names its domain).]'
        '--require-dane[Exit 1 unless every deliverable domain is authenticated by DANE.]'
        '--strict[Exit 1 when any finding of severity warning or critical is found (stale records, no backup record, expiring certificates, a bogus lookup, ...).]'
        '--html[Write the batch as one self-contained HTML report to this file (opens offline).]:file:'
        '--junit[Write the batch as JUnit XML to this file\: one testcase per domain, a failure where the exit code counts it.]:file:'
        '(--verbose -v)'{--verbose,-v}'[Add the per-host and per-address lines.]'
        '--nagios[Nagios/Icinga plugin mode for one domain\: one status line with performance data; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.]'
        '--rrsig-warn-days[--nagios\: warn when an RRSIG of the domain expires within this many days.]:days:'
        '--ehlo[Name to send with EHLO when probing (default\: this machine'\''s host name).]:name:'
        '--key-types[Which of the server'\''s certificates to judge\: '\''default'\'' (the one a stock OpenSSL client gets) or '\''all'\'' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.]:default|all:{__danecheck_complete "${___key_types[@]}"}'
        '--warn-days[Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).]:days:'
        '--public-ca-file[CA file whose CAs count as public for the DANE-TA-only warning (default\: the system'\''s CA store).]:file:'
        '--no-use-dane[Never look up TLSA records (Momentum'\''s use_dane off).]'
        '--no-enable-dane[Look up TLSA but do not apply DANE verification (enable_dane off).]'
        '--tls[STARTTLS where DANE does not apply\: ifavailable, required or disabled.]:mode:{__danecheck_complete "${___tls[@]}"}'
        '--tls-verify[PKIX check where DANE does not apply\: none, ca (chain to a trusted CA) or host (and the MX host name).]:mode:{__danecheck_complete "${___tls_verify[@]}"}'
        '--mta-sts[Apply each domain'\''s MTA-STS policy (RFC 8461)\: in enforce mode only the MX hosts it lists are used, and a host without a secure usable TLSA RRset needs a PKIX-valid certificate for its name; DANE, where it applies, is the only check.]'
        '--ca-file[CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default\: the system store).]:file:'
        '--mta-sts-cname-max-depth[How many CNAMEs may lead to the _mta-sts TXT record (Momentum'\''s mta_sts_dns_cname_max_depth); more is no policy.]:count:'
        '--insecure-mx[Under an insecure MX RRset\: may (no DANE, Momentum) or dane (use the host'\''s TLSA, Postfix; success is "trusted").]:mode:{__danecheck_complete "${___insecure_mx[@]}"}'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_summary() {
    local -i ret=1
    local -ar arg_specs=(
        '*:file:'
        '--require-dane[Exit 1 unless every deliverable domain is authenticated by DANE.]'
        '--strict[Exit 1 when any finding of severity warning or critical is found (stale records, no backup record, expiring certificates, a bogus lookup, ...).]'
        '--html[Write the batch as one self-contained HTML report to this file (opens offline).]:file:'
        '--junit[Write the batch as JUnit XML to this file\: one testcase per domain, a failure where the exit code counts it.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_chain() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___format=('dot' 'svg' 'png')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        ':name:'
        ':type:'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--format[Print a graph instead of text\: dot (Graphviz DOT), or svg or png drawn by Graphviz'\''s dot (Debian\: graphviz).]:dot|svg|png:{__danecheck_complete "${___format[@]}"}'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_tlsa() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'create:Make the TLSA records to publish for a mail server, from a chain file or from what the server presents.'
            'verify:Check that a certificate chain matches the TLSA records: before deploying a renewed certificate.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|verify)
            "_danecheck_tlsa_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_danecheck_tlsa_create() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___key_types=('default' 'all')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        ':host:'
        '--cert[PEM chain file, the server'\''s certificate first.]:file:'
        '--usage[Certificate usage\: 3 (DANE-EE, the server'\''s certificate) or 2 (DANE-TA, its issuer).]:usage:'
        '--selector[Selector\: 1 (public key) or 0 (whole certificate).]:selector:'
        '--matching[Matching type\: 1 (SHA-256), 2 (SHA-512) or 0 (full data).]:type:'
        '--name[Owner name of the records (default\: _PORT._tcp.HOST.).]:owner:'
        '--ttl[TTL to write on each line (default\: none, the zone'\''s $TTL applies).]:seconds:'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--port[TCP port of the SMTP server to connect to.]:port:'
        '--ehlo[Name to send with EHLO when probing (default\: this machine'\''s host name).]:name:'
        '--key-types[Which of the server'\''s certificates to judge\: '\''default'\'' (the one a stock OpenSSL client gets) or '\''all'\'' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.]:default|all:{__danecheck_complete "${___key_types[@]}"}'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_tlsa_verify() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___key_types=('default' 'all')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        ':host:'
        '--cert[PEM chain file to verify (the server'\''s certificate first).]:file:'
        '*--record[A TLSA record to verify against instead of DNS, "U S M DATA" (repeatable).]:record:'
        '*--name[A further name a DANE-TA certificate may carry\: the MX name, the next-hop domain (repeatable).]:name:'
        '--also-current[With --cert\: also verify the chain HOST presents now; pass only if both match.]'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--port[TCP port of the SMTP server to connect to.]:port:'
        '--ehlo[Name to send with EHLO when probing (default\: this machine'\''s host name).]:name:'
        '--key-types[Which of the server'\''s certificates to judge\: '\''default'\'' (the one a stock OpenSSL client gets) or '\''all'\'' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.]:default|all:{__danecheck_complete "${___key_types[@]}"}'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_tlsrpt() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'read:Read SMTP TLS reports (RFC 8460): sessions and failures per policy domain; --check says whether each failure is still there today.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        read)
            "_danecheck_tlsrpt_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_danecheck_tlsrpt_read() {
    local -i ret=1
    local -ar ___color=('auto' 'never' 'always')
    local -ar ___key_types=('default' 'all')
    local -ar ___tls=('ifavailable' 'required' 'disabled')
    local -ar ___tls_verify=('none' 'ca' 'host')
    local -ar ___insecure_mx=('may' 'dane')
    local -ar ___validation=('resolver' 'local')
    local -ar arg_specs=(
        '*:path:'
        '--db[Also read the reports stored in this database (danecheck-exporter --tlsrpt-db).]:file:'
        '--since[Keep reports whose date range ends after this day or time (2026-12-05 or RFC 3339).]:date:'
        '--until[Keep reports whose date range starts before this day or time (2026-12-06 or RFC 3339).]:date:'
        '--check[Check each failing policy domain now and say per failure whether it is still there.]'
        '--concurrency[With --check\: how many domains are checked at once (1-1000).]:concurrency:'
        '--json[Print one JSON document instead of text.]'
        '--color[Colour verdict words and warnings\: auto (on a terminal, unless NO_COLOR is set), never, always.]:when:{__danecheck_complete "${___color[@]}"}'
        '--jsonl[Print one JSON object per line, per failure.]'
        '--ehlo[Name to send with EHLO when probing (default\: this machine'\''s host name).]:name:'
        '--key-types[Which of the server'\''s certificates to judge\: '\''default'\'' (the one a stock OpenSSL client gets) or '\''all'\'' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.]:default|all:{__danecheck_complete "${___key_types[@]}"}'
        '--warn-days[Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).]:days:'
        '--public-ca-file[CA file whose CAs count as public for the DANE-TA-only warning (default\: the system'\''s CA store).]:file:'
        '--no-use-dane[Never look up TLSA records (Momentum'\''s use_dane off).]'
        '--no-enable-dane[Look up TLSA but do not apply DANE verification (enable_dane off).]'
        '--tls[STARTTLS where DANE does not apply\: ifavailable, required or disabled.]:mode:{__danecheck_complete "${___tls[@]}"}'
        '--tls-verify[PKIX check where DANE does not apply\: none, ca (chain to a trusted CA) or host (and the MX host name).]:mode:{__danecheck_complete "${___tls_verify[@]}"}'
        '--mta-sts[Apply each domain'\''s MTA-STS policy (RFC 8461)\: in enforce mode only the MX hosts it lists are used, and a host without a secure usable TLSA RRset needs a PKIX-valid certificate for its name; DANE, where it applies, is the only check.]'
        '--ca-file[CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default\: the system store).]:file:'
        '--mta-sts-cname-max-depth[How many CNAMEs may lead to the _mta-sts TXT record (Momentum'\''s mta_sts_dns_cname_max_depth); more is no policy.]:count:'
        '--insecure-mx[Under an insecure MX RRset\: may (no DANE, Momentum) or dane (use the host'\''s TLSA, Postfix; success is "trusted").]:mode:{__danecheck_complete "${___insecure_mx[@]}"}'
        '*--resolver[Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default\: nameservers in /etc/resolv.conf). With --validation resolver it must validate\: +dnssec comes from its AD bit.]:addr\[@port\]:'
        '--timeout[Seconds each network step may take (each query to each resolver).]:seconds:'
        '--retries[How many more times to try the resolvers when none answered in time.]:count:'
        '--debug[Trace on stderr, comma-separated\: dns, smtp, tls, dane, all.]:categories:'
        '--validation[Who decides +dnssec\: '\''resolver'\'' trusts the resolver'\''s AD bit; '\''local'\'' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.]:resolver|local:{__danecheck_complete "${___validation[@]}"}'
        '*--trust-anchor[File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default\: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_exporter() {
    local -i ret=1
    local -ar arg_specs=(
        '*:option:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_console() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_danecheck_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _danecheck ]]; then
    _danecheck "${@}"
else
    compdef _danecheck danecheck
fi
