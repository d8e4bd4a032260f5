"""The flag names the real programs accept, as their documentation lists them.

Mesos 1.4: apache/mesos docs/configuration/master.md, agent.md and master-and-agent.md (booleans are the
`--[no-]name` rows; `a, b` rows are one flag with an alias). Marathon 1.4: mesosphere/marathon
docs/docs/command-line-flags.md (`--[disable_]name` rows are the pairs `--name` / `--disable_name`).
Classic Swarm 1.2.9 `manage`: docker-archive/classicswarm cli/flags.go.
"""


class FlagSpec:
    def __init__(self, values, booleans=(), aliases=None):
        self.values = set(values)
        self.booleans = set(booleans)
        self.aliases = dict(aliases or {})

    def canonical(self, name):
        name = self.aliases.get(name, name)
        return name if name in self.values or name in self.booleans else None

    def knows(self, name):
        return self.canonical(name) is not None

    def is_boolean(self, name):
        return self.aliases.get(name, name) in self.booleans


MESOS_COMMON_VALUES = """
advertise_ip advertise_port firewall_rules domain hooks hostname http_authenticators ip ip_discovery_command
modules modules_dir port zk_session_timeout log_dir logbufsecs logging_level external_log_file
""".split()
MESOS_COMMON_BOOLEANS = """
authenticate_http_readonly authenticate_http_readwrite help hostname_lookup version quiet initialize_driver_logging
""".split()

MESOS_MASTER = FlagSpec(
    MESOS_COMMON_VALUES + """
quorum work_dir zk acls agent_ping_timeout agent_removal_rate_limit agent_reregister_timeout allocation_interval
allocator min_allocatable_resources authenticators authentication_v0_timeout authorizers cluster credentials
fair_sharing_excluded_resource_names framework_sorter http_framework_authenticators master_contender
master_detector max_agent_ping_timeouts max_completed_frameworks max_completed_tasks_per_framework
max_operator_event_stream_subscribers max_unreachable_tasks_per_framework offer_timeout rate_limits
recovery_agent_removal_limit registry registry_fetch_timeout registry_gc_interval registry_max_agent_age
registry_max_agent_count registry_store_timeout roles role_sorter webui_dir weights whitelist
max_executors_per_agent
""".split(),
    MESOS_COMMON_BOOLEANS + """
authenticate_agents authenticate_frameworks authenticate_http_frameworks filter_gpu_resources log_auto_initialize
publish_per_framework_metrics require_agent_domain root_submissions
""".split(),
    {
        "slave_ping_timeout": "agent_ping_timeout", "slave_removal_rate_limit": "agent_removal_rate_limit",
        "slave_reregister_timeout": "agent_reregister_timeout", "authenticate_slaves": "authenticate_agents",
        "authenticate": "authenticate_frameworks", "max_slave_ping_timeouts": "max_agent_ping_timeouts",
        "recovery_slave_removal_limit": "recovery_agent_removal_limit",
        "max_executors_per_slave": "max_executors_per_agent",
    },
)

MESOS_AGENT = FlagSpec(
    MESOS_COMMON_VALUES + """
master work_dir acls agent_features agent_subsystems effective_capabilities bounding_capabilities
appc_simple_discovery_uri_prefix appc_store_dir attributes authenticatee authentication_backoff_factor
authentication_timeout_min authentication_timeout_max authorizer cgroups_destroy_timeout cgroups_hierarchy
cgroups_net_cls_primary_handle cgroups_net_cls_secondary_handles allowed_devices cgroups_root
container_disk_watch_interval container_logger container_ports_watch_interval containerizers credential
default_container_dns default_container_info default_role disk_profile_adaptor disk_watch_interval docker
docker_config docker_mesos_image docker_registry docker_remove_delay docker_socket docker_stop_timeout
docker_store_dir docker_volume_checkpoint_dir executor_environment_variables executor_registration_timeout
executor_reregistration_timeout executor_reregistration_retry_interval max_completed_executors_per_framework
jwt_secret_key executor_shutdown_grace_period fetcher_cache_dir fetcher_cache_size fetcher_stall_timeout
frameworks_home gc_delay gc_disk_headroom hadoop_home http_credentials http_heartbeat_interval image_providers
image_provisioner_backend image_gc_config ip6 ip6_discovery_command isolation launcher launcher_dir
master_detector nvidia_gpu_devices network_cni_plugins_dir network_cni_config_dir
oversubscribed_resources_interval perf_duration perf_events perf_interval qos_controller
qos_correction_interval_min reconfiguration_policy recover recovery_timeout registration_backoff_factor
resource_estimator resources resource_provider_config_dir runtime_dir sandbox_directory secret_resolver
systemd_runtime_directory ephemeral_ports_per_container eth0_name lo_name egress_rate_limit_per_container
egress_flow_classifier_parent xfs_project_range
""".split(),
    MESOS_COMMON_BOOLEANS + """
authenticate_http_executors cgroups_cpu_enable_pids_and_tids_count cgroups_enable_cfs cgroups_limit_swap
check_agent_port_range_only docker_kill_orphans enforce_container_disk_quota enforce_container_ports
http_command_executor network_cni_metrics revocable_cpu_low_priority disallow_sharing_agent_pid_namespace strict
switch_user systemd_enable_support egress_unique_flow_per_container network_enable_socket_statistics_summary
network_enable_socket_statistics_details network_enable_snmp_statistics
""".split(),
    {"slave_subsystems": "agent_subsystems"},
)

_MARATHON_TOGGLES = "checkpoint ha zk_compression metrics tracing".split()

MARATHON = FlagSpec(
    """
master artifact_store access_control_allow_origin enable_features executor failover_timeout framework_name
hostname webui_url leader_proxy_connection_timeout leader_proxy_read_timeout local_port_max local_port_min
mesos_role default_accepted_resource_roles mesos_user reconciliation_initial_delay reconciliation_interval
scale_apps_initial_delay scale_apps_interval task_launch_timeout event_subscriber http_endpoints zk
zk_max_versions zk_timeout zk_session_timeout zk_max_node_size mesos_authentication_principal
mesos_authentication_secret_file mesos_leader_ui_url marathon_store_timeout env_vars_prefix
zk_compression_threshold max_apps store_cache on_elected_prepare_timeout http_event_callback_slow_consumer_timeout
task_lost_expunge_gc task_lost_expunge_initial_delay task_lost_expunge_interval max_tasks_per_offer
launch_token_refresh_interval launch_tokens offer_matching_timeout save_tasks_to_launch_timeout
task_launch_confirm_timeout min_revive_offers_interval revive_offers_repetitions decline_offer_duration
max_tasks_per_offer_cycle assets_path http_address http_credentials http_port https_address https_port http_realm
ssl_keystore_path ssl_keystore_password http_max_concurrent_requests reporter_graphite reporter_datadog
logging_level
""".split(),
    _MARATHON_TOGGLES + ["disable_" + name for name in _MARATHON_TOGGLES]
    + ["disable_http", "disable_revive_offers_for_new_apps"],
)

SWARM_MANAGE = FlagSpec(
    """
advertise host heartbeat timeout engine-refresh-min-interval engine-refresh-max-interval engine-refresh-retry
engine-failure-retry tlscacert tlscert tlskey strategy filter cluster-driver cluster-opt discovery-opt
replication-ttl container-name-refresh-filter
""".split(),
    "api-enable-cors tls tlsverify replication refresh-on-node-filter help".split(),
    {"addr": "advertise", "H": "host", "cors": "api-enable-cors", "f": "filter", "c": "cluster-driver", "h": "help"},
)
