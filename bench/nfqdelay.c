/*
 * nfqdelay QUEUE DELAY_MS: holds every packet of netfilter queue QUEUE for DELAY_MS
 * milliseconds, then accepts it, in arrival order: per-packet latency for the benchmark
 * (bench/scale.sh puts the SMTP and DNS packets of the survey hosts into the queue with
 * iptables-legacy -j NFQUEUE in the mangle table). Unlike a proxy it delays the TCP
 * handshake and every segment, as a real path does. The kernel's netem qdisc would do the
 * same; this kernel has none, and NFQUEUE is there. Built by bench/scale.sh:
 * cc -O2 -o nfqdelay nfqdelay.c -lnetfilter_queue -lnfnetlink
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#define HELD 65536 /* packets in flight at once; beyond that a packet passes undelayed */

struct held {
    uint32_t id;
    uint64_t due;
};

static struct held ring[HELD];
static unsigned head, tail;
static uint64_t delay_ns;
static struct nfq_q_handle *queue;
static unsigned long passed_undelayed;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *message, struct nfq_data *packet, void *data) {
    (void)message;
    (void)data;
    struct nfqnl_msg_packet_hdr *header = nfq_get_msg_packet_hdr(packet);
    if (!header) return 0;
    uint32_t id = ntohl(header->packet_id);
    if (tail - head >= HELD) {
        passed_undelayed++;
        return nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL);
    }
    ring[tail++ % HELD] = (struct held){id, now_ns() + delay_ns};
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: nfqdelay QUEUE DELAY_MS\n");
        return 2;
    }
    uint16_t number = (uint16_t)atoi(argv[1]);
    delay_ns = (uint64_t)(atof(argv[2]) * 1e6);
    signal(SIGPIPE, SIG_IGN);
    struct nfq_handle *handle = nfq_open();
    if (!handle) { perror("nfq_open"); return 1; }
    queue = nfq_create_queue(handle, number, on_packet, NULL);
    if (!queue) { perror("nfq_create_queue"); return 1; }
    if (nfq_set_mode(queue, NFQNL_COPY_META, 0) < 0) { perror("nfq_set_mode"); return 1; }
    nfq_set_queue_maxlen(queue, HELD);
    nfnl_rcvbufsiz(nfq_nfnlh(handle), 16 << 20);
    int fd = nfq_fd(handle);
    static char buffer[1 << 16];
    fprintf(stderr, "nfqdelay: queue %u, %s ms per packet\n", number, argv[2]);
    for (;;) {
        struct timespec wait, *timeout = NULL;
        if (head != tail) {
            uint64_t now = now_ns(), due = ring[head % HELD].due;
            uint64_t left = due > now ? due - now : 0;
            wait.tv_sec = (time_t)(left / 1000000000u);
            wait.tv_nsec = (long)(left % 1000000000u);
            timeout = &wait;
        }
        struct pollfd readable = {fd, POLLIN, 0};
        int ready = ppoll(&readable, 1, timeout, NULL);
        if (ready < 0 && errno != EINTR) { perror("ppoll"); return 1; }
        if (ready > 0) {
            ssize_t length;
            while ((length = recv(fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0) nfq_handle_packet(handle, buffer, (int)length);
            if (length < 0 && errno == ENOBUFS) fprintf(stderr, "nfqdelay: the kernel dropped packets (ENOBUFS)\n");
        }
        uint64_t now = now_ns();
        while (head != tail && ring[head % HELD].due <= now) {
            nfq_set_verdict(queue, ring[head % HELD].id, NF_ACCEPT, 0, NULL);
            head++;
        }
    }
}
