{{/* Names and labels */}}
{{- define "provider-automation.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "provider-automation.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "provider-automation.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "provider-automation.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "provider-automation.selectorLabels" -}}
app.kubernetes.io/name: {{ include "provider-automation.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "provider-automation.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "provider-automation.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "provider-automation.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "provider-automation.routesConfigMap" -}}
{{- .Values.routes.existingConfigMap | default (printf "%s-routes" (include "provider-automation.fullname" .)) }}
{{- end }}

{{/* "true" when a setting's value means on, as the service reads booleans (true/1/yes/on, any case) */}}
{{- define "provider-automation.isOn" -}}
{{- has (lower (toString (default "" .))) (list "true" "1" "yes" "on") }}
{{- end }}

{{/*
The environment of every container: the chart's own variables, the plain settings (empty ones left out) and the
secret ones as secretKeyRef. Refuses a secret variable or a chart-owned variable under `settings`, and a release
without DATABASE_URL (the embedded database is for development only).
*/}}
{{- define "provider-automation.env" -}}
{{- $owned := list "ENVIRONMENT" "PORT" "ROUTES_DIR" }}
{{- range $name, $value := .Values.settings }}
{{- if has $name $owned }}
{{- fail (printf "settings.%s: set it through the chart (environment, service.port, routes.mountPath)" $name) }}
{{- end }}
{{- if hasKey $.Values.secretEnv $name }}
{{- fail (printf "settings.%s is a secret: reference a Secret under secretEnv.%s instead of a value" $name $name) }}
{{- end }}
{{- end }}
{{- if not (dig "DATABASE_URL" "secretName" "" .Values.secretEnv) }}
{{- fail "secretEnv.DATABASE_URL must reference a Secret: every instance needs the shared external PostgreSQL (the embedded one is for development only)" }}
{{- end }}
- name: ENVIRONMENT
  value: {{ .Values.environment | quote }}
- name: PORT
  value: {{ .Values.service.port | quote }}
- name: ROUTES_DIR
  value: {{ .Values.routes.mountPath | quote }}
{{- if not .Values.settings.SMPLAT_API_BASE_URL }}
- name: SMPLAT_API_BASE_URL
  value: {{ printf "http://%s:%v" (include "provider-automation.fullname" .) .Values.service.port | quote }}
{{- end }}
{{- if .Values.jvmOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.jvmOptions | quote }}
{{- end }}
{{- range $name, $value := .Values.settings }}
{{- if and (not (kindIs "invalid" $value)) (ne (toString $value) "") }}
- name: {{ $name }}
  value: {{ toString $value | quote }}
{{- end }}
{{- end }}
{{- range $name, $ref := .Values.secretEnv }}
{{- if $ref.secretName }}
{{- if not $ref.key }}
{{- fail (printf "secretEnv.%s.key is missing" $name) }}
{{- end }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secretName | quote }}
      key: {{ $ref.key | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* Mounts shared by the service and the CronJobs: the routes and the writable work folders */}}
{{- define "provider-automation.volumeMounts" -}}
- name: routes
  mountPath: {{ .Values.routes.mountPath }}
  readOnly: true
{{- range $name, $path := .Values.workVolumes }}
- name: work-{{ $name }}
  mountPath: {{ $path }}
{{- end }}
{{- with .Values.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "provider-automation.volumes" -}}
- name: routes
  configMap:
    name: {{ include "provider-automation.routesConfigMap" . }}
{{- range $name, $path := .Values.workVolumes }}
- name: work-{{ $name }}
  emptyDir: {}
{{- end }}
{{- with .Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The files of the chart's routes ConfigMap: files/routes, less `exclude`, with `files` added or replaced */}}
{{- define "provider-automation.routeFiles" -}}
{{- $files := dict }}
{{- range $path, $bytes := .Files.Glob "files/routes/*.yaml" }}
{{- if not (has (base $path) $.Values.routes.exclude) }}
{{- $_ := set $files (base $path) (toString $bytes) }}
{{- end }}
{{- end }}
{{- range $name, $content := .Values.routes.files }}
{{- $_ := set $files $name $content }}
{{- end }}
{{- toYaml $files }}
{{- end }}
