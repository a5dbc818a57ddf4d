#!/usr/bin/env bash
# Prints the path of nginx, installing Debian's nginx package (it carries /usr/sbin/nginx; nginx-light only adds a
# module) when it is missing: the test suite checks docker/nginx/tollgate.conf.template with it and runs replicas
# behind it (ReplicasBehindLoadBalancerTest).
exec "$(dirname "${BASH_SOURCE[0]}")/debian-tool.sh" nginx nginx
