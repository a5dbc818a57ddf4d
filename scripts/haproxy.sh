#!/usr/bin/env bash
# Prints the path of haproxy, installing Debian's haproxy package when it is missing: the test suite checks
# docker/haproxy/haproxy.cfg with it and runs replicas behind it (ReplicasBehindLoadBalancerTest).
exec "$(dirname "${BASH_SOURCE[0]}")/debian-tool.sh" haproxy haproxy
