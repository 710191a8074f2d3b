function __danecheck_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __danecheck_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __danecheck_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __danecheck_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __danecheck_parse_tokens -S
    set -l unparsed_tokens (__danecheck_tokens -pc)
    switch $unparsed_tokens[1]
    case 'danecheck'
        __danecheck_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'domain'
            __danecheck_parse_subcommand 1 'probe' 'authoritative' 'json' 'color=' 'format=' 'ehlo=' 'key-types=' 'ca-file=' 'mta-sts-cname-max-depth=' 'warn-days=' 'public-ca-file=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
        case 'probe'
            __danecheck_parse_subcommand 1 'address=' 'tlsa=+' 'tlsa-file=' '4' '6' 'show-chain' 'json' 'color=' 'port=' 'ehlo=' 'key-types=' 'warn-days=' 'public-ca-file=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
        case 'check'
            __danecheck_parse_subcommand -r 1 'file=' 'concurrency=' 'shard=' 'json' 'color=' 'jsonl' 'require-dane' 'strict' 'html=' 'junit=' 'v/verbose' 'nagios' 'rrsig-warn-days=' 'ehlo=' 'key-types=' 'warn-days=' 'public-ca-file=' 'no-use-dane' 'no-enable-dane' 'tls=' 'tls-verify=' 'mta-sts' 'ca-file=' 'mta-sts-cname-max-depth=' 'insecure-mx=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
        case 'summary'
            __danecheck_parse_subcommand -r 1 'require-dane' 'strict' 'html=' 'junit=' 'version' 'h/help'
        case 'chain'
            __danecheck_parse_subcommand 2 'json' 'color=' 'format=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
        case 'tlsa'
            __danecheck_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'create'
                __danecheck_parse_subcommand 1 'cert=' 'usage=' 'selector=' 'matching=' 'name=' 'ttl=' 'json' 'color=' 'port=' 'ehlo=' 'key-types=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
            case 'verify'
                __danecheck_parse_subcommand 1 'cert=' 'record=+' 'name=+' 'also-current' 'json' 'color=' 'port=' 'ehlo=' 'key-types=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
            end
        case 'tlsrpt'
            __danecheck_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'read'
                __danecheck_parse_subcommand -r 1 'db=' 'since=' 'until=' 'check' 'concurrency=' 'json' 'color=' 'jsonl' 'ehlo=' 'key-types=' 'warn-days=' 'public-ca-file=' 'no-use-dane' 'no-enable-dane' 'tls=' 'tls-verify=' 'mta-sts' 'ca-file=' 'mta-sts-cname-max-depth=' 'insecure-mx=' 'resolver=+' 'timeout=' 'retries=' 'debug=' 'validation=' 'trust-anchor=+' 'version' 'h/help'
            end
        case 'exporter'
            __danecheck_parse_subcommand -r 1 'version' 'h/help'
        case 'console'
            __danecheck_parse_subcommand 0 'version' 'h/help'
        case 'help'
            __danecheck_parse_subcommand -r 1 'version'
        end
    end
end

function __danecheck_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __danecheck_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __danecheck_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __danecheck_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__danecheck_tokens -p)
    if test -z "$(__danecheck_tokens -t)"
        set -l index (count (__danecheck_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'danecheck' -f
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'domain' -d 'Show a domain\'s MX hosts, their addresses and TLSA records, with DNSSEC status.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'probe' -d 'Connect to an MX host over SMTP, do STARTTLS, and verify its certificate against its TLSA records.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'check' -d 'Say what an RFC 7672 MTA would do with mail for each domain, in one line, with an exit code for CI.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'summary' -d 'Merge check --jsonl outputs (the shards of one batch) into the summary one run prints.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'chain' -d 'Show the DNSSEC chain of trust from the trust anchor down to one RRset, validated here.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'tlsa' -d 'TLSA records for operators: create them from a chain or a live server; verify a chain against them before deploying it.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'tlsrpt' -d 'SMTP TLS reports (RFC 8460): read what senders saw, and check it against today.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'exporter' -d 'Run the Prometheus exporter: the program danecheck-exporter, with these arguments (see danecheck-exporter --help).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'console' -d 'Interactive console: the same commands, one TTL-honouring cache, history and completion.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" probe' -l 'probe' -d 'Probe every address of every MX host with STARTTLS and give verdicts (fills the con/dlv columns).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" authoritative' -l 'authoritative' -d 'Ask every nameserver of the zones holding the MX and TLSA RRsets directly (RD=0) and show who serves another serial, other RRsets or expired signatures.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" format' -l 'format' -d 'Print a graph instead of text: dot (Graphviz DOT), or svg or png drawn by Graphviz\'s dot (Debian: graphviz).' -rfka 'dot svg png'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" ehlo' -l 'ehlo' -d 'Name to send with EHLO when probing (default: this machine\'s host name).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" key-types' -l 'key-types' -d 'Which of the server\'s certificates to judge: \'default\' (the one a stock OpenSSL client gets) or \'all\' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.' -rfka 'default all'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" ca-file' -l 'ca-file' -d 'CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default: the system store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" mta-sts-cname-max-depth' -l 'mta-sts-cname-max-depth' -d 'How many CNAMEs may lead to the _mta-sts TXT record (Momentum\'s mta_sts_dns_cname_max_depth); more is no policy.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" warn-days' -l 'warn-days' -d 'Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" public-ca-file' -l 'public-ca-file' -d 'CA file whose CAs count as public for the DANE-TA-only warning (default: the system\'s CA store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck domain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" address' -l 'address' -d 'Probe only this address.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe"' -l 'tlsa' -d 'A TLSA record to verify against instead of DNS, "U S M HEX" (repeatable).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" tlsa-file' -l 'tlsa-file' -d 'A file of TLSA records, one per line ("U S M HEX" or zone-file lines).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" 4' -s '4' -d 'Probe IPv4 addresses only.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" 6' -s '6' -d 'Probe IPv6 addresses only.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" show-chain' -l 'show-chain' -d 'Print each certificate of the peer chain as PEM too (posttls-finger -C).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" port' -l 'port' -d 'TCP port of the SMTP server to connect to.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" ehlo' -l 'ehlo' -d 'Name to send with EHLO when probing (default: this machine\'s host name).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" key-types' -l 'key-types' -d 'Which of the server\'s certificates to judge: \'default\' (the one a stock OpenSSL client gets) or \'all\' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.' -rfka 'default all'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" warn-days' -l 'warn-days' -d 'Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" public-ca-file' -l 'public-ca-file' -d 'CA file whose CAs count as public for the DANE-TA-only warning (default: the system\'s CA store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck probe" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" file' -l 'file' -d 'Read domains from a file, one per line (# comments); - reads stdin.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" concurrency' -l 'concurrency' -d 'How many domains are checked at once (1-1000).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" shard' -l 'shard' -d 'Check only shard K (from 1) of N: the domains whose stable hash (of the lower-cased A-label name, whatever the input order) falls in it. N runs with K = 1..N check every domain once; `danecheck summary` merges their --jsonl outputs.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" jsonl' -l 'jsonl' -d 'Print one JSON object per line, per domain, in the order domains finish (each names its domain).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" require-dane' -l 'require-dane' -d 'Exit 1 unless every deliverable domain is authenticated by DANE.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" strict' -l 'strict' -d 'Exit 1 when any finding of severity warning or critical is found (stale records, no backup record, expiring certificates, a bogus lookup, ...).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" html' -l 'html' -d 'Write the batch as one self-contained HTML report to this file (opens offline).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" junit' -l 'junit' -d 'Write the batch as JUnit XML to this file: one testcase per domain, a failure where the exit code counts it.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" v verbose' -l 'verbose' -s 'v' -d 'Add the per-host and per-address lines.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" nagios' -l 'nagios' -d 'Nagios/Icinga plugin mode for one domain: one status line with performance data; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" rrsig-warn-days' -l 'rrsig-warn-days' -d '--nagios: warn when an RRSIG of the domain expires within this many days.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" ehlo' -l 'ehlo' -d 'Name to send with EHLO when probing (default: this machine\'s host name).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" key-types' -l 'key-types' -d 'Which of the server\'s certificates to judge: \'default\' (the one a stock OpenSSL client gets) or \'all\' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.' -rfka 'default all'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" warn-days' -l 'warn-days' -d 'Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" public-ca-file' -l 'public-ca-file' -d 'CA file whose CAs count as public for the DANE-TA-only warning (default: the system\'s CA store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" no-use-dane' -l 'no-use-dane' -d 'Never look up TLSA records (Momentum\'s use_dane off).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" no-enable-dane' -l 'no-enable-dane' -d 'Look up TLSA but do not apply DANE verification (enable_dane off).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" tls' -l 'tls' -d 'STARTTLS where DANE does not apply: ifavailable, required or disabled.' -rfka 'ifavailable required disabled'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" tls-verify' -l 'tls-verify' -d 'PKIX check where DANE does not apply: none, ca (chain to a trusted CA) or host (and the MX host name).' -rfka 'none ca host'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" mta-sts' -l 'mta-sts' -d 'Apply each domain\'s MTA-STS policy (RFC 8461): in enforce mode only the MX hosts it lists are used, and a host without a secure usable TLSA RRset needs a PKIX-valid certificate for its name; DANE, where it applies, is the only check.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" ca-file' -l 'ca-file' -d 'CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default: the system store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" mta-sts-cname-max-depth' -l 'mta-sts-cname-max-depth' -d 'How many CNAMEs may lead to the _mta-sts TXT record (Momentum\'s mta_sts_dns_cname_max_depth); more is no policy.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" insecure-mx' -l 'insecure-mx' -d 'Under an insecure MX RRset: may (no DANE, Momentum) or dane (use the host\'s TLSA, Postfix; success is "trusted").' -rfka 'may dane'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck summary" require-dane' -l 'require-dane' -d 'Exit 1 unless every deliverable domain is authenticated by DANE.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck summary" strict' -l 'strict' -d 'Exit 1 when any finding of severity warning or critical is found (stale records, no backup record, expiring certificates, a bogus lookup, ...).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck summary" html' -l 'html' -d 'Write the batch as one self-contained HTML report to this file (opens offline).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck summary" junit' -l 'junit' -d 'Write the batch as JUnit XML to this file: one testcase per domain, a failure where the exit code counts it.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck summary" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck summary" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" format' -l 'format' -d 'Print a graph instead of text: dot (Graphviz DOT), or svg or png drawn by Graphviz\'s dot (Debian: graphviz).' -rfka 'dot svg png'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck chain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck tlsa" -eq 1' -fa 'create' -d 'Make the TLSA records to publish for a mail server, from a chain file or from what the server presents.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck tlsa" -eq 1' -fa 'verify' -d 'Check that a certificate chain matches the TLSA records: before deploying a renewed certificate.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" cert' -l 'cert' -d 'PEM chain file, the server\'s certificate first.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" usage' -l 'usage' -d 'Certificate usage: 3 (DANE-EE, the server\'s certificate) or 2 (DANE-TA, its issuer).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" selector' -l 'selector' -d 'Selector: 1 (public key) or 0 (whole certificate).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" matching' -l 'matching' -d 'Matching type: 1 (SHA-256), 2 (SHA-512) or 0 (full data).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" name' -l 'name' -d 'Owner name of the records (default: _PORT._tcp.HOST.).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" ttl' -l 'ttl' -d 'TTL to write on each line (default: none, the zone\'s $TTL applies).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" port' -l 'port' -d 'TCP port of the SMTP server to connect to.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" ehlo' -l 'ehlo' -d 'Name to send with EHLO when probing (default: this machine\'s host name).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" key-types' -l 'key-types' -d 'Which of the server\'s certificates to judge: \'default\' (the one a stock OpenSSL client gets) or \'all\' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.' -rfka 'default all'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa create" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" cert' -l 'cert' -d 'PEM chain file to verify (the server\'s certificate first).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify"' -l 'record' -d 'A TLSA record to verify against instead of DNS, "U S M DATA" (repeatable).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify"' -l 'name' -d 'A further name a DANE-TA certificate may carry: the MX name, the next-hop domain (repeatable).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" also-current' -l 'also-current' -d 'With --cert: also verify the chain HOST presents now; pass only if both match.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" port' -l 'port' -d 'TCP port of the SMTP server to connect to.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" ehlo' -l 'ehlo' -d 'Name to send with EHLO when probing (default: this machine\'s host name).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" key-types' -l 'key-types' -d 'Which of the server\'s certificates to judge: \'default\' (the one a stock OpenSSL client gets) or \'all\' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.' -rfka 'default all'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsa verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_positional "danecheck tlsrpt" -eq 1' -fa 'read' -d 'Read SMTP TLS reports (RFC 8460): sessions and failures per policy domain; --check says whether each failure is still there today.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" db' -l 'db' -d 'Also read the reports stored in this database (danecheck-exporter --tlsrpt-db).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" since' -l 'since' -d 'Keep reports whose date range ends after this day or time (2026-12-05 or RFC 3339).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" until' -l 'until' -d 'Keep reports whose date range starts before this day or time (2026-12-06 or RFC 3339).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" check' -l 'check' -d 'Check each failing policy domain now and say per failure whether it is still there.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" concurrency' -l 'concurrency' -d 'With --check: how many domains are checked at once (1-1000).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" json' -l 'json' -d 'Print one JSON document instead of text.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" color' -l 'color' -d 'Colour verdict words and warnings: auto (on a terminal, unless NO_COLOR is set), never, always.' -rfka 'auto never always'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" jsonl' -l 'jsonl' -d 'Print one JSON object per line, per failure.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" ehlo' -l 'ehlo' -d 'Name to send with EHLO when probing (default: this machine\'s host name).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" key-types' -l 'key-types' -d 'Which of the server\'s certificates to judge: \'default\' (the one a stock OpenSSL client gets) or \'all\' (beside it, one handshake offering only RSA and one only ECDSA signature algorithms, for hosts under DANE or PKIX). The verdict follows the default handshake; a certificate of another type that fails is a warning.' -rfka 'default all'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" warn-days' -l 'warn-days' -d 'Warn when a certificate or DANE-TA trust anchor expires within this many days (0-3650).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" public-ca-file' -l 'public-ca-file' -d 'CA file whose CAs count as public for the DANE-TA-only warning (default: the system\'s CA store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" no-use-dane' -l 'no-use-dane' -d 'Never look up TLSA records (Momentum\'s use_dane off).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" no-enable-dane' -l 'no-enable-dane' -d 'Look up TLSA but do not apply DANE verification (enable_dane off).'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" tls' -l 'tls' -d 'STARTTLS where DANE does not apply: ifavailable, required or disabled.' -rfka 'ifavailable required disabled'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" tls-verify' -l 'tls-verify' -d 'PKIX check where DANE does not apply: none, ca (chain to a trusted CA) or host (and the MX host name).' -rfka 'none ca host'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" mta-sts' -l 'mta-sts' -d 'Apply each domain\'s MTA-STS policy (RFC 8461): in enforce mode only the MX hosts it lists are used, and a host without a secure usable TLSA RRset needs a PKIX-valid certificate for its name; DANE, where it applies, is the only check.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" ca-file' -l 'ca-file' -d 'CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default: the system store).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" mta-sts-cname-max-depth' -l 'mta-sts-cname-max-depth' -d 'How many CNAMEs may lead to the _mta-sts TXT record (Momentum\'s mta_sts_dns_cname_max_depth); more is no policy.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" insecure-mx' -l 'insecure-mx' -d 'Under an insecure MX RRset: may (no DANE, Momentum) or dane (use the host\'s TLSA, Postfix; success is "trusted").' -rfka 'may dane'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read"' -l 'resolver' -d 'Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" timeout' -l 'timeout' -d 'Seconds each network step may take (each query to each resolver).' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" retries' -l 'retries' -d 'How many more times to try the resolvers when none answered in time.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" debug' -l 'debug' -d 'Trace on stderr, comma-separated: dns, smtp, tls, dane, all.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" validation' -l 'validation' -d 'Who decides +dnssec: \'resolver\' trusts the resolver\'s AD bit; \'local\' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.' -rfka 'resolver local'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read"' -l 'trust-anchor' -d 'File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: /usr/share/dns/root.key). Also used in resolver mode to name the cause of a SERVFAIL.' -rfka ''
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck tlsrpt read" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck exporter" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck exporter" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck console" version' -l 'version' -d 'Show the version.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck console" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'danecheck' -n '__danecheck_should_offer_completions_for_flags_or_options "danecheck help" version' -l 'version' -d 'Show the version.'
